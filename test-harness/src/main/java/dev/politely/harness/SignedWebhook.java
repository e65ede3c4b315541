package dev.politely.harness;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import dev.politely.webhook.signature.WebhookSecret;
import dev.politely.webhook.signature.WebhookSignatureVerifier;

/**
 * A webhook delivery as a platform sends it: {@code POST
 * /v1/owners/{ownerId}/solicitations} with a webhook-id, a fresh timestamp and a Standard
 * Webhooks signature of the body's bytes, written out as HTTP/1.1 for an
 * {@link HttpConnection}. Every load of the bench and of the fault suite is made of
 * these.
 */
public final class SignedWebhook {

	private SignedWebhook() {
	}

	/** The webhook's path for an owner. */
	public static String path(String ownerId) {
		return "/v1/owners/" + ownerId + "/solicitations";
	}

	/**
	 * The request's bytes, signed now: a retry of the same webhook-id calls this again
	 * for a fresh timestamp.
	 */
	public static byte[] post(String host, String path, WebhookSecret secret, String webhookId, byte[] body) {
		String timestamp = Long.toString(Instant.now().getEpochSecond());
		String head = "POST " + path + " HTTP/1.1\r\n" + "Host: " + host + "\r\n" + "Content-Type: application/json\r\n"
				+ "Content-Length: " + body.length + "\r\n" + "webhook-id: " + webhookId + "\r\n"
				+ "webhook-timestamp: " + timestamp + "\r\n" + "webhook-signature: "
				+ WebhookSignatureVerifier.signature(secret, webhookId, timestamp, body) + "\r\n\r\n";
		byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
		byte[] bytes = new byte[headBytes.length + body.length];
		System.arraycopy(headBytes, 0, bytes, 0, headBytes.length);
		System.arraycopy(body, 0, bytes, headBytes.length, body.length);
		return bytes;
	}

}
