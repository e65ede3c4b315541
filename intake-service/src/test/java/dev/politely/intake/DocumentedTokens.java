package dev.politely.intake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verdict link tokens made as contracts/verdict-token.md documents them (and as the
 * policy service makes them), independently of the intake's own code.
 */
public final class DocumentedTokens {

	private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

	private DocumentedTokens() {
	}

	public static String token(String secret, String ownerId, String solicitationId, String reviewDecisionId,
			String verdict, Instant expiresAt) {
		return token(secret, String.join("|", ownerId, solicitationId, reviewDecisionId, verdict,
				Long.toString(expiresAt.getEpochSecond())));
	}

	/** Any payload, signed the documented way. */
	public static String token(String secret, String payload) {
		return BASE64URL.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
				+ BASE64URL.encodeToString(mac(secret, payload.getBytes(StandardCharsets.UTF_8)));
	}

	public static byte[] mac(String secret, byte[] payload) {
		byte[] secretBytes = Base64.getDecoder().decode(secret.substring("whsec_".length()));
		byte[] key = hmac(secretBytes, "politely-verdict-links".getBytes(StandardCharsets.UTF_8));
		return hmac(key, payload);
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
