package ai.kubernaut.datastorage.catalog.registration;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Kubernaut's content-addressed identity of a workflow: {@code contentHash} is the
 * SHA-256 hex of the registered content and {@code workflowId} the UUIDv5 of that hash,
 * so the same content always has the same id, on any replica and in Kubernaut itself.
 *
 * @param contentHash 64 lower-case hex characters
 * @param workflowId UUIDv5 of {@code contentHash} in {@link #NAMESPACE}
 */
record WorkflowIdentity(String contentHash, UUID workflowId) {

	/**
	 * The namespace Kubernaut uses ({@code pkg/shared/contenthash}); not the RFC's DNS
	 * namespace.
	 */
	static final UUID NAMESPACE = UUID.fromString("6ba7b810-9dad-51d0-80b7-00c04fd430c8");

	static WorkflowIdentity of(String content) {
		String contentHash = HexFormat.of().formatHex(digest("SHA-256").digest(utf8(content)));
		return new WorkflowIdentity(contentHash, uuidV5(NAMESPACE, contentHash));
	}

	/**
	 * A name-based UUID, version 5 (SHA-1), as RFC 9562 section 5.5 defines it: the SHA-1
	 * of the namespace's 16 bytes followed by the name's UTF-8 bytes, truncated to 128
	 * bits, with the version and variant bits set.
	 */
	static UUID uuidV5(UUID namespace, String name) {
		MessageDigest sha1 = digest("SHA-1");
		sha1.update(ByteBuffer.allocate(16)
			.putLong(namespace.getMostSignificantBits())
			.putLong(namespace.getLeastSignificantBits())
			.array());
		byte[] hash = sha1.digest(utf8(name));
		hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
		hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
		ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
		return new UUID(bits.getLong(), bits.getLong());
	}

	private static byte[] utf8(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

	private static MessageDigest digest(String algorithm) {
		try {
			return MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			// Every Java platform must provide SHA-1 and SHA-256 (MessageDigest's
			// Javadoc).
			throw new IllegalStateException(algorithm + " is not available", ex);
		}
	}

}
