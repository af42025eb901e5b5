package ai.kubernaut.support.platformtest;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import ai.kubernaut.support.problem.NotFoundException;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A minimal service built the way every Kubernaut service is, to test what
 * service-support gives them.
 */
@SpringBootApplication
class PlatformTestApplication {

	record Widget(@NotBlank String name, @NotNull @Min(1) @Max(10) Integer replicas, List<String> tags) {
	}

	@RestController
	static class WidgetController {

		@PostMapping("/api/v1/widgets")
		ResponseEntity<Widget> create(@Valid @RequestBody Widget widget, Authentication caller) {
			return ResponseEntity.created(URI.create("/api/v1/widgets/" + widget.name()))
				.header("X-Created-By", caller.getName())
				.body(widget);
		}

		@GetMapping("/api/v1/widgets/{name}")
		Widget get(@PathVariable String name) {
			if (name.equals("boom")) {
				throw new IllegalStateException("secret internal detail");
			}
			throw new NotFoundException("widget-not-found", "Widget not found: " + name);
		}

	}

}
