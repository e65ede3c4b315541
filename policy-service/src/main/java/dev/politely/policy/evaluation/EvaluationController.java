package dev.politely.policy.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.politely.webhook.body.InvalidSolicitationException;
import dev.politely.webhook.signature.WebhookSignatureVerifier.Delivery;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.ResourceAccessException;

/**
 * {@code POST /v1/owners/{ownerId}/policy/evaluate}: the webhook's body and signature
 * headers, and back the decision the current profile would give. Errors are RFC 9457
 * problem details.
 */
@RestController
class EvaluationController {

	static final int MAX_BODY_BYTES = 64 * 1024;
	static final String FORWARDED = "politely-forwarded";

	private static final String PROBLEMS = "https://politely.dev/problems/";

	private static final Duration FORWARD_CONNECT_TIMEOUT = Duration.ofSeconds(2);

	private static final Duration FORWARD_READ_TIMEOUT = Duration.ofSeconds(10);

	/**
	 * The peer's headers that say something about its answer; the others (hop-by-hop:
	 * {@code Connection}, {@code Transfer-Encoding}, ...) belong to its connection, not
	 * to ours.
	 */
	private static final List<String> RELAYED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CACHE_CONTROL,
			HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE);

	private final Evaluation evaluation;

	private final RestClient forwarding;

	EvaluationController(Evaluation evaluation) {
		this.evaluation = evaluation;
		// bounded: a stuck peer costs the caller a 503, not a thread held forever
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(FORWARD_CONNECT_TIMEOUT).build());
		requests.setReadTimeout(FORWARD_READ_TIMEOUT);
		this.forwarding = RestClient.builder().requestFactory(requests).build();
	}

	@PostMapping("/v1/owners/{ownerId}/policy/evaluate")
	ResponseEntity<?> evaluate(@PathVariable String ownerId, HttpServletRequest request,
			@RequestHeader(name = "webhook-id", required = false) String webhookId,
			@RequestHeader(name = "webhook-timestamp", required = false) String timestamp,
			@RequestHeader(name = "webhook-signature", required = false) String signature,
			@RequestHeader(name = FORWARDED, required = false) String forwarded) throws IOException {
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
		try {
			return forwarding.post()
				.uri(URI.create("http://" + hostAndPort + "/v1/owners/" + ownerId + "/policy/evaluate"))
				.contentType(MediaType.APPLICATION_JSON)
				.header("webhook-id", delivery.webhookId())
				.header("webhook-timestamp", delivery.timestamp())
				.header("webhook-signature", delivery.signatures())
				.header(FORWARDED, "1")
				.body(delivery.body())
				.exchange((request, response) -> relayed(response.getStatusCode(), response.getHeaders(),
						response.getBody().readNBytes(MAX_BODY_BYTES)));
		}
		catch (ResourceAccessException e) {
			return problem(HttpStatus.SERVICE_UNAVAILABLE, "not-ready",
					"The owner's counters are not available right now; retry in a few seconds.");
		}
	}

	private static ResponseEntity<byte[]> relayed(HttpStatusCode status, HttpHeaders peer, byte[] body) {
		HttpHeaders headers = new HttpHeaders();
		for (String name : RELAYED_HEADERS) {
			List<String> values = peer.get(name);
			if (values != null) {
				headers.put(name, values);
			}
		}
		return ResponseEntity.status(status).headers(headers).body(body);
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

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(PROBLEMS + type));
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(problem);
	}

}
