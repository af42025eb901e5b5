package ai.kubernaut.datastorage.catalog.registration;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowIdentityTest {

	private static final UUID DNS_NAMESPACE = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

	@Test
	void computesTheRfc9562ExampleOfAVersion5Uuid() {
		// RFC 9562, appendix A.4: UUIDv5 of "www.example.com" in the DNS namespace.
		assertThat(WorkflowIdentity.uuidV5(DNS_NAMESPACE, "www.example.com"))
			.isEqualTo(UUID.fromString("2ed6657d-e927-568b-95e1-2665a8aea6a2"));
	}

	@Test
	void setsVersion5AndTheRfcVariant() {
		UUID id = WorkflowIdentity.uuidV5(WorkflowIdentity.NAMESPACE, "anything");

		assertThat(id.version()).isEqualTo(5);
		assertThat(id.variant()).isEqualTo(2);
	}

	@Test
	void derivesTheWorkflowIdFromTheContentHashInKubernautsNamespace() {
		// Expected values from Python: hashlib.sha256(b"hello") and uuid.uuid5(namespace,
		// that hex).
		WorkflowIdentity identity = WorkflowIdentity.of("hello");

		assertThat(identity.contentHash())
			.isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
		assertThat(identity.workflowId()).isEqualTo(UUID.fromString("e3301bbf-f684-5251-ac1c-11b8aa86175c"));
	}

	@Test
	void hashesTheContentAsUtf8() {
		assertThat(WorkflowIdentity.of("rollback — safely").contentHash())
			.isEqualTo("17aa3dc486ca7d36102d12a13eb2cc9e8844e57415dc65136520c960d57f72ea");
	}

}
