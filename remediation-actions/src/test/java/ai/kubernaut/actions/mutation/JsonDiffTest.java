package ai.kubernaut.actions.mutation;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.zjsonpatch.JsonPatch;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JsonDiffTest {

	@Test
	void namesListElementsByTheirNameAndKeysWithDotsInBrackets() throws Exception {
		JsonNode before = json("""
				{"metadata": {"annotations": {"a.b/c": "1"}},
				 "spec": {"containers": [{"name": "app", "image": "v1"}, {"name": "proxy", "image": "p1"}]}}""");
		JsonNode after = json("""
				{"metadata": {"annotations": {"a.b/c": "2"}},
				 "spec": {"containers": [{"name": "app", "image": "v2"}, {"name": "proxy", "image": "p1"}]}}""");

		List<JsonDiff.Op> diff = JsonDiff.diff(before, after);

		assertThat(diff).extracting(JsonDiff.Op::line)
			.containsExactly("metadata.annotations[a.b/c]: 1 -> 2", "spec.containers[app].image: v1 -> v2");
		assertThat(diff).extracting(JsonDiff.Op::path)
			.containsExactly("/metadata/annotations/a.b~1c", "/spec/containers/0/image");
	}

	@Test
	void theInvertedDiffRestoresTheOriginalWhateverTheShapeOfTheChange() throws Exception {
		JsonNode before = json("""
				{"spec": {"replicas": 2, "list": [1, 2], "gone": {"x": 1}, "labels": {"app": "web"}}}""");
		JsonNode after = json("""
				{"spec": {"replicas": 3, "list": [1, 2, 3], "added": "yes", "labels": {}}}""");

		List<JsonDiff.Op> diff = JsonDiff.diff(before, after);
		JsonNode forward = JsonPatch.apply(json(JsonDiff.toJson(diff, false)), before);
		JsonNode back = JsonPatch.apply(json(JsonDiff.toJson(JsonDiff.invert(diff), false)), after);

		assertThat(forward).isEqualTo(after);
		assertThat(back).isEqualTo(before);
		assertThat(JsonDiff.fromJson(JsonDiff.toJson(diff, true))).isEqualTo(diff);
	}

	private static JsonNode json(String text) throws Exception {
		return JsonDiff.MAPPER.readTree(text);
	}

}
