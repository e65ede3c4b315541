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
 * Delivers solicitations to the owner's webhook, signed the Standard Webhooks way, one at
 * a time. A 429 or 503 is retried after its {@code Retry-After}, with the same
 * {@code webhook-id} and a fresh timestamp; a connection failure or another 5xx after a
 * growing pause. Every other answer is final.
 */
public final class WebhookClient {

	/** How many "later" answers in a row before the intake is given up on. */
	static final int MAX_LATER = 30;

	/**
	 * How many connection failures or 5xx in a row before the delivery is given up on.
	 */
	static final int MAX_FAILURES = 5;

	private static final Duration LONGEST_RETRY_AFTER = Duration.ofMinutes(2);

	private final URI solicitations;

	private final WebhookSecret secret;

	private final HttpClient http;

	private final Pause pause;

	private final Clock clock;

	private long retries;

	public WebhookClient(URI baseUrl, String ownerId, WebhookSecret secret, HttpClient http, Pause pause, Clock clock) {
		this.solicitations = Urls.resolve(baseUrl, "/v1/owners/" + ownerId + "/solicitations");
		this.secret = secret;
		this.http = http;
		this.pause = pause;
		this.clock = clock;
	}

	public Delivery deliver(String webhookId, byte[] body) throws InterruptedException {
		int later = 0;
		int failures = 0;
		while (true) {
			HttpResponse<String> response;
			try {
				response = this.http.send(request(webhookId, body), HttpResponse.BodyHandlers.ofString());
			}
			catch (IOException ex) {
				if (++failures >= MAX_FAILURES) {
					return new Delivery.Unreachable("cannot reach " + this.solicitations + ": " + describe(ex));
				}
				wait(backoff(failures));
				continue;
			}
			int status = response.statusCode();
			if (status == 202 || status == 200) {
				JsonNode answer = Json.parse(response.body());
				UUID id = UUID.fromString(answer.path("solicitationId").asString());
				URI location = response.headers()
					.firstValue("Location")
					.map((value) -> Urls.resolve(this.solicitations, value))
					.orElse(null);
				return (status == 202) ? new Delivery.Accepted(id, location) : new Delivery.AlreadyKnown(id, location);
			}
			if (status == 429 || status == 503) {
				if (++later >= MAX_LATER) {
					return new Delivery.Unreachable("the intake answered " + status + " " + MAX_LATER
							+ " times in a row: " + Json.reason(response));
				}
				wait(RetryAfter.of(response, this.clock).orElse(Duration.ofSeconds(1)));
				continue;
			}
			if (status >= 500) {
				if (++failures >= MAX_FAILURES) {
					return new Delivery.Refused(status, Json.reason(response));
				}
				wait(backoff(failures));
				continue;
			}
			return new Delivery.Refused(status, Json.reason(response));
		}
	}

	/** How many times a delivery was tried again, over every delivery so far. */
	public long retries() {
		return this.retries;
	}

	private HttpRequest request(String webhookId, byte[] body) {
		String timestamp = Long.toString(this.clock.instant().getEpochSecond());
		return HttpRequest.newBuilder(this.solicitations)
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.header("webhook-id", webhookId)
			.header("webhook-timestamp", timestamp)
			.header("webhook-signature", WebhookSignatureVerifier.signature(this.secret, webhookId, timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	private void wait(Duration duration) throws InterruptedException {
		this.retries++;
		Duration bounded = (duration.compareTo(LONGEST_RETRY_AFTER) > 0) ? LONGEST_RETRY_AFTER : duration;
		this.pause.pause(bounded);
	}

	private static Duration backoff(int failures) {
		return Duration.ofSeconds(1L << Math.min(failures - 1, 4));
	}

	static String describe(IOException ex) {
		return (ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName();
	}

}
