package dev.politely.webhook.verdict;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key an owner's verdict links are signed with (contracts/verdict-token.md):
 * HMAC-SHA256 of the label {@code politely-verdict-links} keyed with the bytes of the
 * owner's webhook secret. Derived, so that a link's mac never exposes the webhook key
 * itself, and a new webhook secret invalidates the links made before it. The policy
 * service signs the links with it, the intake checks them with it.
 */
public final class VerdictLinkKey {

	static final String LABEL = "politely-verdict-links";

	private static final String HMAC = "HmacSHA256";

	private final byte[] key;

	private VerdictLinkKey(byte[] key) {
		this.key = key;
	}

	/**
	 * From a secret as written in a profile, {@code whsec_<base64>}, already checked by
	 * {@code WebhookSecret}.
	 */
	public static VerdictLinkKey derive(String webhookSecret) {
		byte[] secret = Base64.getDecoder().decode(webhookSecret.substring("whsec_".length()));
		return new VerdictLinkKey(hmac(secret, LABEL.getBytes(StandardCharsets.UTF_8)));
	}

	/** The mac of a token's payload. */
	public byte[] sign(byte[] payload) {
		return hmac(this.key, payload);
	}

	/** Whether {@code mac} is the mac of {@code payload}, compared in constant time. */
	public boolean verifies(byte[] payload, byte[] mac) {
		return MessageDigest.isEqual(hmac(this.key, payload), mac);
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(new SecretKeySpec(key, HMAC));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	@Override
	public String toString() {
		return "VerdictLinkKey[redacted]";
	}

}
