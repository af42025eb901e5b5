package ai.kubernaut.approval.token;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import ai.kubernaut.contracts.approval.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Mints and verifies one-click decision tokens:
 * {@code base64url(payload) "." base64url(HMAC-SHA256(secret, payload))}, where the
 * payload is {@code v1|approvalId|decision|approver|planHash|expiresAtEpochSecond}.
 * <p>
 * Tokens are deterministic: minting the same facts twice gives the same token, so the
 * decision page can offer the sibling decision without widening anyone's authority.
 * Single use is not a property of the token but of the decision: an approver's vote is
 * stored once per request (see {@code approval_vote}), and every token of that approver
 * is spent with it.
 */
@Component
public class DecisionTokens {

	private static final Logger log = LoggerFactory.getLogger(DecisionTokens.class);

	private static final String VERSION = "v1";

	private static final String ALGORITHM = "HmacSHA256";

	private static final Pattern APPROVER = Pattern.compile("[A-Za-z0-9._@-]{1,100}");

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final LinkProperties properties;

	private final SecretKeySpec key;

	public DecisionTokens(LinkProperties properties) {
		this.properties = properties;
		this.key = properties.enabled()
				? new SecretKeySpec(properties.secret().getBytes(StandardCharsets.UTF_8), ALGORITHM) : null;
		if (!properties.enabled()) {
			log.warn("kubernaut.approval.links.secret is not set: no one-click links or Slack buttons are issued");
		}
	}

	public boolean enabled() {
		return this.key != null;
	}

	public String mint(DecisionToken token) {
		requireEnabled();
		if (token.approver() != null && !APPROVER.matcher(token.approver()).matches()) {
			throw new IllegalArgumentException("Approver names must match " + APPROVER + ": " + token.approver());
		}
		String payload = String.join("|", VERSION, token.approvalId().toString(), token.decision().name(),
				(token.approver() != null) ? token.approver() : "", token.planHash(),
				Long.toString(token.expiresAt().getEpochSecond()));
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
	}

	/**
	 * The link that opens the decision page for {@code token}.
	 */
	public URI link(String token) {
		String base = this.properties.baseUrl().toString();
		return URI.create((base.endsWith("/") ? base : base + "/") + "approvals/" + token);
	}

	/**
	 * What a genuine, unexpired token says.
	 * @throws InvalidTokenException if it is malformed, its signature does not match, or
	 * it has expired at {@code now}
	 */
	public DecisionToken verify(String token, Instant now) {
		if (!enabled()) {
			throw new InvalidTokenException("One-click decisions are not configured", false);
		}
		int dot = (token != null) ? token.indexOf('.') : -1;
		if (dot <= 0 || token.length() > 1000) {
			throw new InvalidTokenException("Malformed token", false);
		}
		byte[] payload;
		byte[] signature;
		try {
			payload = DECODER.decode(token.substring(0, dot));
			signature = DECODER.decode(token.substring(dot + 1));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidTokenException("Malformed token", false);
		}
		// Constant time, and before looking at anything the payload claims.
		if (!MessageDigest.isEqual(sign(payload), signature)) {
			throw new InvalidTokenException("Signature does not match", false);
		}
		String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
		if (fields.length != 6 || !VERSION.equals(fields[0])) {
			throw new InvalidTokenException("Unknown token format", false);
		}
		DecisionToken decoded = new DecisionToken(UUID.fromString(fields[1]), Decision.valueOf(fields[2]),
				fields[3].isEmpty() ? null : fields[3], fields[4], Instant.ofEpochSecond(Long.parseLong(fields[5])));
		if (!now.isBefore(decoded.expiresAt())) {
			throw new InvalidTokenException("Token expired at " + decoded.expiresAt(), true);
		}
		return decoded;
	}

	private byte[] sign(byte[] payload) {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac.doFinal(payload);
		}
		catch (NoSuchAlgorithmException | InvalidKeyException ex) {
			throw new IllegalStateException("HMAC-SHA256 is unavailable", ex);
		}
	}

	private void requireEnabled() {
		if (!enabled()) {
			throw new IllegalStateException("kubernaut.approval.links.secret is not set");
		}
	}

}
