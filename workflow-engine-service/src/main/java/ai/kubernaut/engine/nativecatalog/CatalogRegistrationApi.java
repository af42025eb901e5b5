package ai.kubernaut.engine.nativecatalog;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.GetExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * The part of data-storage's catalog administration the engine uses to register its
 * native workflows: the operator list (to see what is there, whatever its status) and
 * registration of a {@code RemediationWorkflow} as YAML, the same call an operator makes
 * with {@code curl}. Registration needs the {@code write} role in data-storage.
 */
@HttpExchange(url = "/api/v1/workflows", accept = "application/json")
interface CatalogRegistrationApi {

	@GetExchange
	Listing list(@RequestParam(name = "workflow_name") String workflowName, @RequestParam int limit);

	@PostExchange(contentType = "application/yaml")
	Entry register(@RequestBody String content);

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Listing(List<Entry> workflows) {

		public Listing {
			workflows = (workflows != null) ? List.copyOf(workflows) : List.of();
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Entry(String workflowId, String workflowName, String version, String status) {
	}

}
