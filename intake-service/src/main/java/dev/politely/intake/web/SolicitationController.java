package dev.politely.intake.web;

import java.io.IOException;
import java.net.URI;
import java.util.UUID;

import dev.politely.webhook.signature.WebhookSignatureVerifier.Delivery;
import dev.politely.intake.solicitation.DeliveryFacts;
import dev.politely.intake.solicitation.Receipt;
import dev.politely.intake.solicitation.SolicitationIntake;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The intake webhook. Checks, first failing wins: 415 content type, 413 size, 401
 * signature (owner, timestamp, signature), 429 the owner's rate limit, 400 body, then 202
 * once Kafka acknowledged the write (200 for a redelivery already written), or 503 when
 * it did not.
 */
@RestController
class SolicitationController {

	private final SolicitationIntake intake;

	SolicitationController(SolicitationIntake intake) {
		this.intake = intake;
	}

	@PostMapping("/v1/owners/{ownerId}/solicitations")
	ResponseEntity<Accepted> receive(@PathVariable String ownerId,
			@RequestHeader(name = "webhook-id", required = false) String webhookId,
			@RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
			@RequestHeader(name = "webhook-signature", required = false) String signature, HttpServletRequest request)
			throws IOException {
		DeliveryFacts facts = SolicitationCounting.start(request);
		BoundedBody.requireJson(request.getContentType());
		byte[] body = BoundedBody.read(request);
		Receipt receipt = this.intake.receive(ownerId, new Delivery(webhookId, timestamp, signature, body), facts);
		return ResponseEntity.status(receipt.redelivery() ? HttpStatus.OK : HttpStatus.ACCEPTED)
			.header(HttpHeaders.LOCATION, location(ownerId, receipt.solicitationId()).toString())
			.body(new Accepted(receipt.solicitationId(), "RECEIVED"));
	}

	private static URI location(String ownerId, UUID solicitationId) {
		// ownerId is a valid owner id here (authenticated), so it needs no encoding
		return URI.create("/v1/owners/" + ownerId + "/solicitations/" + solicitationId);
	}

	record Accepted(UUID solicitationId, String status) {
	}

}
