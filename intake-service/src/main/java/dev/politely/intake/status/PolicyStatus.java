package dev.politely.intake.status;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.politely.webhook.signature.WebhookSignatureVerifier.Delivery;

import org.springframework.stereotype.Component;

/**
 * The policy service's status API, asked with the caller's own signed headers: the policy
 * checks them again with the same secret (the signature covers the id, the timestamp and
 * the empty body, not the host).
 */
@Component
class PolicyStatus {

	private final URI policyUrl;

	private final StatusProperties properties;

	private final HttpClient http;

	PolicyStatus(StatusProperties properties) {
		this.properties = properties;
		this.policyUrl = properties.policyUrl();
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.timeout())
			.build();
	}

	/**
	 * @throws PolicyUnavailableException when the policy cannot be reached in time
	 */
	Answer ask(String ownerId, String solicitationId, Delivery signed) {
		String base = this.policyUrl.toString().replaceAll("/+$", "");
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(base + "/v1/owners/" + ownerId + "/solicitations/" + solicitationId))
			.timeout(this.properties.timeout())
			.header("Accept", "application/json")
			.header("webhook-id", signed.webhookId())
			.header("webhook-timestamp", signed.timestamp())
			.header("webhook-signature", signed.signatures())
			.GET()
			.build();
		try {
			HttpResponse<byte[]> response = this.http.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Answer(response.statusCode(),
					response.headers().firstValue("Content-Type").orElse("application/json"), response.body());
		}
		catch (IOException ex) {
			throw new PolicyUnavailableException(ex.getClass().getSimpleName() + " from " + base);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new PolicyUnavailableException("interrupted");
		}
	}

	/** The policy's answer, relayed as it is. */
	record Answer(int status, String contentType, byte[] body) {
	}

	static class PolicyUnavailableException extends RuntimeException {

		PolicyUnavailableException(String message) {
			super(message);
		}

	}

}
