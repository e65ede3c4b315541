package dev.politely.intake.status;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import dev.politely.intake.owner.Owner;
import dev.politely.intake.owner.OwnerDirectory;
import dev.politely.intake.owner.OwnerId;
import dev.politely.intake.solicitation.SolicitationIntake;
import dev.politely.intake.status.PolicyStatus.PolicyUnavailableException;
import dev.politely.webhook.signature.WebhookSecret;
import dev.politely.webhook.signature.WebhookSignatureVerifier;
import dev.politely.webhook.signature.WebhookSignatureVerifier.Delivery;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /v1/owners/{ownerId}/solicitations/{solicitationId}}, signed like the
 * webhook over an empty body: where the solicitation stands ({@code RECEIVED},
 * {@code REVIEW}, {@code DECIDED}), as the policy service says. Changes nothing.
 */
@RestController
class SolicitationStatusController {

	private static final Logger log = LoggerFactory.getLogger(SolicitationStatusController.class);

	private static final String TYPES = "https://politely.dev/problems/";

	private static final byte[] EMPTY = new byte[0];

	private final OwnerDirectory owners;

	private final SolicitationIntake intake;

	private final PolicyStatus policy;

	private final Clock clock;

	private final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier();

	private final WebhookSecret unknownOwnerSecret = WebhookSecret.random();

	SolicitationStatusController(OwnerDirectory owners, SolicitationIntake intake, PolicyStatus policy, Clock clock) {
		this.owners = owners;
		this.intake = intake;
		this.policy = policy;
		this.clock = clock;
	}

	@GetMapping("/v1/owners/{ownerId}/solicitations/{solicitationId}")
	ResponseEntity<?> status(@PathVariable String ownerId, @PathVariable String solicitationId,
			@RequestHeader(name = "webhook-id", required = false) String webhookId,
			@RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
			@RequestHeader(name = "webhook-signature", required = false) String signature, HttpServletRequest request) {
		Delivery signed = new Delivery(webhookId, timestamp, signature, EMPTY);
		if (!authenticated(ownerId, signed)) {
			return problem(request, HttpStatus.UNAUTHORIZED, "invalid-signature", "Invalid signature",
					"The webhook-id, webhook-timestamp and webhook-signature headers do not prove this request"
							+ " comes from the owner, or the timestamp is more than 5 minutes away.",
					HttpHeaders.WWW_AUTHENTICATE, "Webhook-Signature realm=\"politely\"");
		}
		UUID id = uuid(solicitationId);
		if (id == null) {
			return unknown(request);
		}
		PolicyStatus.Answer answer;
		try {
			answer = this.policy.ask(ownerId, id.toString(), signed);
		}
		catch (PolicyUnavailableException ex) {
			log.warn("Status of solicitation {} not available: {}", id, ex.getMessage());
			return unavailable(request);
		}
		if (answer.status() == HttpStatus.NOT_FOUND.value()) {
			// written to Kafka moments ago, not read by the policy yet
			return this.intake.recentlyWritten(id)
					? ResponseEntity.ok()
						.contentType(MediaType.APPLICATION_JSON)
						.body(Map.of("solicitationId", id, "ownerId", ownerId, "status", "RECEIVED"))
					: unknown(request);
		}
		if (answer.status() >= 500) {
			log.warn("Status of solicitation {} not available: the policy answered {}", id, answer.status());
			return unavailable(request);
		}
		return ResponseEntity.status(answer.status())
			.contentType(MediaType.parseMediaType(answer.contentType()))
			.body(answer.body());
	}

	private boolean authenticated(String ownerId, Delivery signed) {
		Owner owner = OwnerId.isValid(ownerId) ? this.owners.find(ownerId).orElse(null) : null;
		// an unknown owner costs the same work as a known one and gets the same answer
		WebhookSecret secret = (owner != null) ? owner.webhookSecret() : this.unknownOwnerSecret;
		boolean valid = this.verifier.verify(secret, signed, this.clock.instant()).isValid();
		return owner != null && valid;
	}

	private static UUID uuid(String text) {
		try {
			UUID id = UUID.fromString(text);
			return id.toString().equalsIgnoreCase(text) ? id : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
		return problem(request, HttpStatus.NOT_FOUND, "unknown-solicitation", "Unknown solicitation",
				"No solicitation with this id is known for this owner.", null, null);
	}

	private static ResponseEntity<ProblemDetail> unavailable(HttpServletRequest request) {
		return problem(request, HttpStatus.SERVICE_UNAVAILABLE, "status-unavailable", "Status not available",
				"The policy service, which holds the decisions, did not answer in time. Please ask again after"
						+ " Retry-After seconds.",
				HttpHeaders.RETRY_AFTER, "2");
	}

	private static ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status, String type,
			String title, String detail, String header, String value) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPES + type));
		problem.setTitle(title);
		problem.setInstance(URI.create(request.getRequestURI()));
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		if (header != null) {
			response.header(header, value);
		}
		return response.body(problem);
	}

}
