package dev.politely.policy.status;

import java.time.Duration;

import dev.politely.policy.evaluation.OwnerSignature;
import dev.politely.policy.peer.PeerForwarding;
import dev.politely.policy.evaluation.UnsignedEvaluationException;
import dev.politely.webhook.signature.WebhookSignatureVerifier.Delivery;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import static dev.politely.policy.evaluation.Problems.problem;

/**
 * {@code GET /v1/owners/{ownerId}/solicitations/{solicitationId}}: where a solicitation
 * stands, for its owner. Signed the Standard Webhooks way over an empty body, exactly
 * like the dry run; a bad signature and an unknown owner get the same 401. Reads only.
 */
@RestController
class SolicitationStatusController {

	private static final byte[] EMPTY = new byte[0];

	private final OwnerSignature signature;

	private final SolicitationStatusQuery query;

	private final PeerForwarding forwarding = new PeerForwarding(Duration.ofSeconds(5));

	SolicitationStatusController(OwnerSignature signature, SolicitationStatusQuery query) {
		this.signature = signature;
		this.query = query;
	}

	@GetMapping("/v1/owners/{ownerId}/solicitations/{solicitationId}")
	ResponseEntity<?> status(@PathVariable String ownerId, @PathVariable String solicitationId,
			@RequestHeader(name = "webhook-id", required = false) String webhookId,
			@RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
			@RequestHeader(name = "webhook-signature", required = false) String signatures,
			@RequestHeader(name = PeerForwarding.FORWARDED, required = false) String forwarded) {
		Delivery delivery = new Delivery(webhookId, timestamp, signatures, EMPTY);
		signature.verify(ownerId, delivery);
		SolicitationStatusQuery.Answer answer = query.find(ownerId, solicitationId);
		if (answer instanceof SolicitationStatusQuery.Found found) {
			return ResponseEntity.ok()
				.header(HttpHeaders.CACHE_CONTROL, "no-store")
				.body(SolicitationStatus.of(solicitationId, ownerId, found.state()));
		}
		if (answer instanceof SolicitationStatusQuery.Unknown) {
			return problem(HttpStatus.NOT_FOUND, "unknown-solicitation",
					"No solicitation " + solicitationId + " is known for this owner.");
		}
		if (answer instanceof SolicitationStatusQuery.Remote remote && forwarded == null) {
			return forward(remote.hostAndPort(), ownerId, solicitationId, delivery);
		}
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "not-ready",
				"The policy's state is not available right now; retry in a few seconds.");
	}

	private ResponseEntity<?> forward(String hostAndPort, String ownerId, String solicitationId, Delivery delivery) {
		return this.forwarding.get(hostAndPort, "/v1/owners/" + ownerId + "/solicitations/" + solicitationId, delivery)
			.<ResponseEntity<?>>map((answer) -> answer)
			.orElseGet(() -> problem(HttpStatus.SERVICE_UNAVAILABLE, "not-ready",
					"The instance holding this owner's state does not answer; retry in a few seconds."));
	}

	@ExceptionHandler(UnsignedEvaluationException.class)
	ResponseEntity<ProblemDetail> unsigned() {
		return problem(HttpStatus.UNAUTHORIZED, "invalid-signature",
				"The request is not signed with the owner's webhook secret, or its timestamp is stale.");
	}

}
