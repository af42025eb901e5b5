package ai.kubernaut.approval.slack;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing, version {@code v0}: {@code X-Slack-Signature} is {@code v0=} +
 * hex(HMAC-SHA256(signing secret, "v0:" + X-Slack-Request-Timestamp + ":" + raw body)).
 * Requests older (or newer) than the tolerance are refused as replays.
 */
final class SlackSignature {

	private final byte[] secret;

	private final Duration tolerance;

	SlackSignature(String secret, Duration tolerance) {
		this.secret = (secret != null) ? secret.getBytes(StandardCharsets.UTF_8) : null;
		this.tolerance = tolerance;
	}

	boolean isValid(String timestamp, String signature, byte[] body, Instant now) {
		if (this.secret == null || timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
			return false;
		}
		Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
		if (Duration.between(sent, now).abs().compareTo(this.tolerance) > 0) {
			return false;
		}
		byte[] expected = ("v0=" + HexFormat.of().formatHex(sign(timestamp, body))).getBytes(StandardCharsets.UTF_8);
		return MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.UTF_8));
	}

	byte[] sign(String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(this.secret, "HmacSHA256"));
			mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is unavailable", ex);
		}
	}

}
