package dev.politely.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verdict link tokens made as contracts/verdict-token.md documents them (and as the
 * policy service makes them), independently of the intake's own code. A key is one entry
 * of {@code POLITELY_VERDICT_KEY}, {@code kid:base64key}.
 */
public final class DocumentedTokens {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private DocumentedTokens() {
	}

	public static String token(String key, String ownerId, String solicitationId, String reviewDecisionId,
			String verdict, Instant expiresAt) {
		return token(key, String.join("|", ownerId, solicitationId, reviewDecisionId, verdict,
				Long.toString(expiresAt.getEpochSecond())));
	}

	/** Any payload, signed the documented way. */
	public static String token(String key, String payload) {
		return kid(key) + "." + BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ BASE64URL.encodeToString(mac(key, payload.getBytes(StandardCharsets.UTF_8)));
	}

	public static String kid(String key) {
		return key.substring(0, key.indexOf(':'));
	}

	public static byte[] mac(String key, byte[] payload) {
		return hmac(Base64.getDecoder().decode(key.substring(key.indexOf(':') + 1)), payload);
	}

	/**
	 * A token as made before the server key: two parts, keyed with HMAC-SHA256(the
	 * owner's webhook secret bytes, "politely-verdict-links"). No longer accepted.
	 */
	public static String formerToken(String webhookSecret, String payload) {
		byte[] secret = Base64.getDecoder().decode(webhookSecret.substring("whsec_".length()));
		byte[] key = hmac(secret, "politely-verdict-links".getBytes(StandardCharsets.UTF_8));
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return BASE64URL.encodeToString(bytes) + "." + BASE64URL.encodeToString(hmac(key, bytes));
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
