package dev.politely.webhook.signature;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * An owner's Standard Webhooks secret, {@code whsec_<base64 of 24 to 64 random bytes>}.
 */
public final class WebhookSecret {

	private static final String PREFIX = "whsec_";

	private static final int MIN_BYTES = 24;

	private static final int MAX_BYTES = 64;

	private final byte[] key;

	private WebhookSecret(byte[] key) {
		this.key = key;
	}

	/**
	 * Parses a secret as written in a profile.
	 * @throws IllegalArgumentException naming what is wrong, never echoing the secret
	 */
	public static WebhookSecret parse(String text) {
		if (text == null || !text.startsWith(PREFIX)) {
			throw new IllegalArgumentException("must start with " + PREFIX);
		}
		byte[] key;
		try {
			key = Base64.getDecoder().decode(text.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("must be " + PREFIX + " followed by base64");
		}
		if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
			throw new IllegalArgumentException(
					"must encode " + MIN_BYTES + " to " + MAX_BYTES + " bytes, not " + key.length);
		}
		return new WebhookSecret(key);
	}

	/**
	 * A random secret nobody knows: verifying against it keeps an unknown owner as slow
	 * as a known one.
	 */
	public static WebhookSecret random() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return new WebhookSecret(key);
	}

	byte[] key() {
		return this.key.clone();
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof WebhookSecret that && Arrays.equals(this.key, that.key);
	}

	@Override
	public int hashCode() {
		return Arrays.hashCode(this.key);
	}

	@Override
	public String toString() {
		return "WebhookSecret[redacted]";
	}

}
