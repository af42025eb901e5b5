package ai.kubernaut.engine.nativecatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The native workflows shipped with the engine: Kubernaut {@code RemediationWorkflow}
 * documents with {@code execution.engine: dag}, whose steps the engine performs itself.
 */
final class NativeCatalog {

	static final String DEFAULT_LOCATION = "classpath:native-catalog/*.yaml";

	private NativeCatalog() {
	}

	/**
	 * The workflows at {@code location}, sorted by file name.
	 * @throws IllegalStateException if a file lacks its name, version or action type
	 */
	static List<NativeWorkflow> load(String location) {
		return resources(location).stream().map(NativeCatalog::read).toList();
	}

	private static NativeWorkflow read(Resource resource) {
		String content;
		try (InputStream in = resource.getInputStream()) {
			content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not read native workflow " + resource.getFilename(), ex);
		}
		Map<?, ?> root = map(new Yaml(new SafeConstructor(new LoaderOptions())).load(content));
		Map<?, ?> metadata = map(root.get("metadata"));
		Map<?, ?> spec = map(root.get("spec"));
		return new NativeWorkflow(resource.getFilename(), text(resource, metadata, "metadata.name", "name"),
				text(resource, spec, "spec.version", "version"), text(resource, spec, "spec.actionType", "actionType"),
				content);
	}

	private static Map<?, ?> map(Object node) {
		return (node instanceof Map<?, ?> map) ? map : Map.of();
	}

	private static String text(Resource resource, Map<?, ?> node, String path, String key) {
		Object value = node.get(key);
		if (value == null || value.toString().isBlank()) {
			throw new IllegalStateException("Native workflow " + resource.getFilename() + " has no " + path);
		}
		return value.toString();
	}

	private static List<Resource> resources(String location) {
		try {
			return Arrays.stream(new PathMatchingResourcePatternResolver().getResources(location))
				.sorted(Comparator.comparing(Resource::getFilename))
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not list " + location, ex);
		}
	}

}
