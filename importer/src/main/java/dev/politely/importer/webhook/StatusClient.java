package dev.politely.importer.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import dev.politely.webhook.signature.WebhookSecret;
import dev.politely.webhook.signature.WebhookSignatureVerifier;
import tools.jackson.databind.JsonNode;

/**
 * Asks the status API ({@code GET /v1/owners/{ownerId}/solicitations/{solicitationId}},
 * signed the Standard Webhooks way over an empty body) where a solicitation stands.
 */
public final class StatusClient {

	private static final byte[] EMPTY = new byte[0];

	private final URI baseUrl;

	private final String ownerId;

	private final WebhookSecret secret;

	private final HttpClient http;

	private final Clock clock;

	public StatusClient(URI baseUrl, String ownerId, WebhookSecret secret, HttpClient http, Clock clock) {
		this.baseUrl = baseUrl;
		this.ownerId = ownerId;
		this.secret = secret;
		this.http = http;
		this.clock = clock;
	}

	public SolicitationStatus status(UUID solicitationId) throws InterruptedException {
		URI uri = Urls.resolve(this.baseUrl, "/v1/owners/" + this.ownerId + "/solicitations/" + solicitationId);
		String webhookId = "status_" + UUID.randomUUID();
		String timestamp = Long.toString(this.clock.instant().getEpochSecond());
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(Duration.ofSeconds(10))
			.header("Accept", "application/json")
			.header("webhook-id", webhookId)
			.header("webhook-timestamp", timestamp)
			.header("webhook-signature", WebhookSignatureVerifier.signature(this.secret, webhookId, timestamp, EMPTY))
			.GET()
			.build();
		HttpResponse<String> response;
		try {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			return SolicitationStatus.UNAVAILABLE;
		}
		if (response.statusCode() == 404) {
			return SolicitationStatus.UNKNOWN;
		}
		if (response.statusCode() != 200) {
			return SolicitationStatus.UNAVAILABLE;
		}
		JsonNode answer = Json.parse(response.body());
		return new SolicitationStatus(answer.path("status").asString("UNAVAILABLE"), text(answer, "outcome"),
				text(answer, "rule"), text(answer, "reason"));
	}

	private static String text(JsonNode answer, String field) {
		JsonNode value = answer.path(field);
		return (value.isString()) ? value.asString() : null;
	}

}
