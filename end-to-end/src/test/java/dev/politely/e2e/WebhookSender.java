package dev.politely.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import dev.politely.webhook.signature.WebhookSecret;
import dev.politely.webhook.signature.WebhookSignatureVerifier;

/** A webhook sender that signs the way Standard Webhooks senders do, for the tests. */
final class WebhookSender {

	private final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private final String secret;

	WebhookSender(String baseUrl, String secret) {
		this.baseUrl = baseUrl;
		this.secret = secret;
	}

	HttpResponse<String> post(String owner, String webhookId, byte[] body) throws Exception {
		long timestamp = Instant.now().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/owners/" + owner + "/solicitations"))
			.header("Content-Type", "application/json")
			.header("webhook-id", webhookId)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", sign(webhookId, timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	private String sign(String id, long timestamp, byte[] body) {
		return WebhookSignatureVerifier.signature(WebhookSecret.parse(secret), id, Long.toString(timestamp), body);
	}

}
