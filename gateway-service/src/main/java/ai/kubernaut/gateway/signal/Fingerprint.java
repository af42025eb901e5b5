package ai.kubernaut.gateway.signal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import ai.kubernaut.contracts.signal.ResourceRef;

/**
 * Identity of "a problem with this workload":
 * {@code sha256_hex("[<cluster>:]<namespace>:<OwnerKind>:<ownerName>")} over the
 * top-level owner, byte-identical to Kubernaut's gateway. The alert name is deliberately
 * left out, so an OOM alert and a crash-loop alert about the same Deployment fall
 * together, and so do the alerts of all its Pods.
 *
 * @param value 64 lower-case hex characters
 */
public record Fingerprint(String value) {

	public Fingerprint {
		if (value == null || !value.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("A fingerprint is 64 lower-case hex characters, not " + value);
		}
	}

	/**
	 * The fingerprint of {@code owner}.
	 * @param cluster the alert's {@code cluster} label; {@code null} or blank for none,
	 * which yields the same value as a single-cluster Kubernaut
	 * @param owner the top-level owner (a Deployment, not its Pod)
	 */
	public static Fingerprint of(String cluster, ResourceRef owner) {
		String identity = owner.namespace() + ":" + owner.kind() + ":" + owner.name();
		if (cluster != null && !cluster.isBlank()) {
			identity = cluster + ":" + identity;
		}
		return new Fingerprint(HexFormat.of().formatHex(sha256(identity.getBytes(StandardCharsets.UTF_8))));
	}

	private static byte[] sha256(byte[] input) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(input);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK provides SHA-256", ex);
		}
	}

	@Override
	public String toString() {
		return this.value;
	}

}
