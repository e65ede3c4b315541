package dev.politely.policy.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;

import dev.politely.policy.peer.PeerForwarding;
import dev.politely.webhook.body.InvalidSolicitationException;
import dev.politely.webhook.signature.WebhookSignatureVerifier.Delivery;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import static dev.politely.policy.evaluation.Problems.problem;

/**
 * {@code POST /v1/owners/{ownerId}/policy/evaluate}: the webhook's body and signature
 * headers, and back the decision the current profile would give. Errors are RFC 9457
 * problem details.
 */
@RestController
class EvaluationController {

	static final int MAX_BODY_BYTES = 64 * 1024;

	private final Evaluation evaluation;

	private final PeerForwarding forwarding = new PeerForwarding(Duration.ofSeconds(10));

	EvaluationController(Evaluation evaluation) {
		this.evaluation = evaluation;
	}

	@PostMapping("/v1/owners/{ownerId}/policy/evaluate")
	ResponseEntity<?> evaluate(@PathVariable String ownerId, HttpServletRequest request,
			@RequestHeader(name = "webhook-id", required = false) String webhookId,
			@RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
			@RequestHeader(name = "webhook-signature", required = false) String signature,
			@RequestHeader(name = PeerForwarding.FORWARDED, required = false) String forwarded) throws IOException {
		MediaType type = request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
		if (type == null || !MediaType.APPLICATION_JSON.equalsTypeAndSubtype(type)) {
			return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
					"The body must be application/json.");
		}
		byte[] body = boundedBody(request);
		if (body == null) {
			return problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "The body is over 64 KiB.");
		}
		Delivery delivery = new Delivery(webhookId, timestamp, signature, body);
		Evaluation.Outcome outcome = evaluation.evaluate(ownerId, delivery);
		if (outcome instanceof Evaluation.Evaluated evaluated) {
			return ResponseEntity.ok(evaluated.result());
		}
		if (outcome instanceof Evaluation.Forward forward && forwarded == null) {
			return forward(forward.hostAndPort(), ownerId, delivery);
		}
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "not-ready",
				"The owner's counters are not available right now; retry in a few seconds.");
	}

	private ResponseEntity<?> forward(String hostAndPort, String ownerId, Delivery delivery) {
		return this.forwarding.postJson(hostAndPort, "/v1/owners/" + ownerId + "/policy/evaluate", delivery)
			.<ResponseEntity<?>>map((answer) -> answer)
			.orElseGet(() -> problem(HttpStatus.SERVICE_UNAVAILABLE, "not-ready",
					"The owner's counters are not available right now; retry in a few seconds."));
	}

	@ExceptionHandler(UnsignedEvaluationException.class)
	ResponseEntity<ProblemDetail> unsigned() {
		return problem(HttpStatus.UNAUTHORIZED, "invalid-signature",
				"The request is not signed with the owner's webhook secret, or its timestamp is stale.");
	}

	@ExceptionHandler(InvalidSolicitationException.class)
	ResponseEntity<ProblemDetail> invalid(InvalidSolicitationException e) {
		ResponseEntity<ProblemDetail> response = problem(HttpStatus.BAD_REQUEST, "invalid-solicitation",
				"The body is not a valid solicitation.");
		response.getBody()
			.setProperty("errors",
					e.violations().stream().map(v -> Map.of("field", v.field(), "message", v.message())).toList());
		return response;
	}

	private static byte[] boundedBody(HttpServletRequest request) throws IOException {
		if (request.getContentLengthLong() > MAX_BODY_BYTES) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
			return body.length > MAX_BODY_BYTES ? null : body;
		}
	}

}
