package dev.politely.webhook.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a delivery the Standard Webhooks way: HMAC-SHA256 over
 * {@code "{id}.{timestamp}.{raw body}"}, any one of the space-separated
 * {@code v1,<base64>} signatures may match, compared in constant time.
 */
public final class WebhookSignatureVerifier {

	/** How far the sender's clock may be from ours, in either direction. */
	public static final Duration TOLERANCE = Duration.ofMinutes(5);

	private static final Pattern WEBHOOK_ID = Pattern.compile("[\\x21-\\x7E]{1,256}");

	private static final Pattern TIMESTAMP = Pattern.compile("[0-9]{1,15}");

	private static final String VERSION_PREFIX = "v1,";

	/**
	 * Why a delivery was refused; the caller sees one answer for all of them, the log
	 * sees which.
	 */
	public enum Verification {

		VALID, MISSING_HEADERS, MALFORMED_HEADERS, STALE_TIMESTAMP, NO_MATCHING_SIGNATURE;

		public boolean isValid() {
			return this == VALID;
		}

	}

	public Verification verify(WebhookSecret secret, Delivery delivery, Instant now) {
		if (isBlank(delivery.webhookId()) || isBlank(delivery.timestamp()) || isBlank(delivery.signatures())) {
			return Verification.MISSING_HEADERS;
		}
		if (!WEBHOOK_ID.matcher(delivery.webhookId()).matches() || !TIMESTAMP.matcher(delivery.timestamp()).matches()) {
			return Verification.MALFORMED_HEADERS;
		}
		Instant sentAt = Instant.ofEpochSecond(Long.parseLong(delivery.timestamp()));
		if (Duration.between(sentAt, now).abs().compareTo(TOLERANCE) > 0) {
			return Verification.STALE_TIMESTAMP;
		}
		byte[] expected = sign(secret, delivery.webhookId(), delivery.timestamp(), delivery.body());
		boolean matched = false;
		for (String candidate : delivery.signatures().trim().split(" +")) {
			// no early exit: every candidate is compared, whichever one matches
			matched |= candidate.startsWith(VERSION_PREFIX) && MessageDigest.isEqual(expected, decode(candidate));
		}
		return matched ? Verification.VALID : Verification.NO_MATCHING_SIGNATURE;
	}

	/** The {@code v1,<base64>} signature of a delivery, as a sender computes it. */
	public static String signature(WebhookSecret secret, String webhookId, String timestamp, byte[] body) {
		return VERSION_PREFIX + Base64.getEncoder().encodeToString(sign(secret, webhookId, timestamp, body));
	}

	private static byte[] sign(WebhookSecret secret, String webhookId, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.key(), "HmacSHA256"));
			mac.update((webhookId + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return mac.doFinal(body);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private static byte[] decode(String candidate) {
		try {
			return Base64.getDecoder().decode(candidate.substring(VERSION_PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			return new byte[0];
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * What a delivery carries: the three Standard Webhooks headers and the raw body.
	 */
	public record Delivery(String webhookId, String timestamp, String signatures, byte[] body) {
	}

}
