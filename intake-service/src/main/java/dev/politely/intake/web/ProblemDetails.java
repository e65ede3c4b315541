package dev.politely.intake.web;

import java.net.URI;
import java.util.List;

import dev.politely.webhook.body.InvalidSolicitationException;
import dev.politely.intake.solicitation.OverRateLimitException;
import dev.politely.intake.solicitation.SolicitationNotStoredException;
import dev.politely.intake.solicitation.UnauthenticatedDeliveryException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Every error as an RFC 9457 {@code application/problem+json}, with a stable {@code type}
 * URI, and never a stack trace nor an exception message that was not written for the
 * caller.
 */
@RestControllerAdvice
class ProblemDetails extends ResponseEntityExceptionHandler {

	static final String TYPES = "https://politely.dev/problems/";

	private static final Logger log = LoggerFactory.getLogger(ProblemDetails.class);

	@ExceptionHandler(InvalidSolicitationException.class)
	ResponseEntity<Object> invalid(InvalidSolicitationException ex, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-solicitation", "Invalid solicitation",
				"The body is not a solicitation as the contract describes it: see errors.");
		problem.setProperty("errors", List.copyOf(ex.violations()));
		return respond(ex, problem, new HttpHeaders(), request);
	}

	@ExceptionHandler(UnauthenticatedDeliveryException.class)
	ResponseEntity<Object> unauthenticated(UnauthenticatedDeliveryException ex, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.UNAUTHORIZED, "invalid-signature", "Invalid signature",
				"The webhook-id, webhook-timestamp and webhook-signature headers do not prove this delivery"
						+ " comes from the owner, or the timestamp is more than 5 minutes away.");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.WWW_AUTHENTICATE, "Webhook-Signature realm=\"politely\"");
		return respond(ex, problem, headers, request);
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ResponseEntity<Object> tooLarge(PayloadTooLargeException ex, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Body too large",
				"The body must not be over " + BoundedBody.MAX_BYTES + " bytes.");
		return respond(ex, problem, new HttpHeaders(), request);
	}

	@ExceptionHandler(SlowBodyException.class)
	ResponseEntity<Object> slowBody(SlowBodyException ex, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.REQUEST_TIMEOUT, "request-timeout", "Body too slow",
				"The body must arrive within " + BoundedBody.DEADLINE.toSeconds() + " seconds.");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.CONNECTION, "close");
		return respond(ex, problem, headers, request);
	}

	@ExceptionHandler(NotJsonException.class)
	ResponseEntity<Object> notJson(NotJsonException ex, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"Unsupported media type", ex.getMessage() + ".");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.ACCEPT, "application/json");
		return respond(ex, problem, headers, request);
	}

	@ExceptionHandler(SolicitationNotStoredException.class)
	ResponseEntity<Object> notStored(SolicitationNotStoredException ex, WebRequest request) {
		// the cause says enough (timeout, breaker open); its stack trace, once per failed
		// delivery, would not
		log.error(ex.getMessage());
		ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "solicitation-not-stored",
				"Solicitation not stored", "The solicitation could not be stored right now; nothing was kept."
						+ " Please deliver it again later, with the same webhook-id.");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(ex.retryAfter()));
		return respond(ex, problem, headers, request);
	}

	@ExceptionHandler(OverRateLimitException.class)
	ResponseEntity<Object> overRateLimit(OverRateLimitException ex, WebRequest request) {
		log.warn(ex.getMessage());
		ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many deliveries",
				"This owner made more deliveries than allowed; nothing was kept. Please deliver it again after"
						+ " Retry-After seconds, with the same webhook-id.");
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(ex.retryAfter()));
		return respond(ex, problem, headers, request);
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error", ex);
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"Something went wrong on our side; nothing was kept. Please try again later.");
		return respond(ex, problem, new HttpHeaders(), request);
	}

	/**
	 * The errors Spring MVC raises itself (404, 405, missing parameters...): same shape,
	 * stable type.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ProblemDetail problem = (body instanceof ProblemDetail detail) ? detail : ProblemDetail.forStatus(statusCode);
		HttpStatus status = HttpStatus.resolve(statusCode.value());
		if (problem.getType() == null || URI.create("about:blank").equals(problem.getType())) {
			String slug = (status != null) ? status.name().toLowerCase().replace('_', '-')
					: "http-" + statusCode.value();
			problem.setType(URI.create(TYPES + slug));
		}
		if (problem.getTitle() == null && status != null) {
			problem.setTitle(status.getReasonPhrase());
		}
		if (problem.getInstance() == null) {
			problem.setInstance(instance(request));
		}
		return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
	}

	private ResponseEntity<Object> respond(Exception ex, ProblemDetail problem, HttpHeaders headers,
			WebRequest request) {
		problem.setInstance(instance(request));
		return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(TYPES + type));
		problem.setTitle(title);
		return problem;
	}

	private static URI instance(WebRequest request) {
		if (request instanceof NativeWebRequest nativeRequest
				&& nativeRequest.getNativeRequest() instanceof HttpServletRequest servletRequest) {
			try {
				return URI.create(servletRequest.getRequestURI());
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}
		return null;
	}

}
