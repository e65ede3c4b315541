package dev.politely.intake.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.politely.intake.event.EventNotWrittenException;
import dev.politely.intake.verdict.VerdictRecorder;
import dev.politely.intake.verdict.VerdictToken;
import dev.politely.intake.verdict.VerdictTokens.Expired;
import dev.politely.intake.verdict.VerdictTokens.Check;
import dev.politely.intake.verdict.VerdictTokens.Valid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The owner's verdict links (contract section 4). {@code GET} only shows a page with one
 * button, because mail scanners open links; the button {@code POST}s to the same URL,
 * which records the verdict and answers 303 to {@code GET ...?recorded}. An invalid link
 * (malformed, altered, unknown owner) gets 404 with a page in French and English, the
 * same for all causes; an expired one 410 in the owner's language. Neither writes
 * anything.
 */
@Controller
class VerdictController {

	private static final String PATH = "/v1/verdicts/{token}";

	private static final Logger log = LoggerFactory.getLogger(VerdictController.class);

	private final VerdictRecorder recorder;

	private final VerdictPages pages;

	VerdictController(VerdictRecorder recorder, VerdictPages pages) {
		this.recorder = recorder;
		this.pages = pages;
	}

	@GetMapping(PATH)
	ResponseEntity<String> confirm(@PathVariable String token,
			@RequestParam(name = "recorded", required = false) String recorded) {
		Check check = this.recorder.check(token);
		if (check instanceof Valid valid) {
			return page(HttpStatus.OK, (recorded != null) ? "recorded" : "confirm", valid, token);
		}
		return refused(check);
	}

	/** Whatever the body and its content type: the token is all there is to know. */
	@PostMapping(PATH)
	ResponseEntity<String> record(@PathVariable String token) {
		Check check = this.recorder.check(token);
		if (check instanceof Valid valid) {
			return record(token, valid);
		}
		return refused(check);
	}

	/** Never a stack trace, and nothing recorded. */
	@ExceptionHandler(Exception.class)
	ResponseEntity<String> unexpected(Exception ex) {
		log.error("Unexpected error on a verdict link", ex);
		return this.pages.notice(HttpStatus.INTERNAL_SERVER_ERROR, "error", PageText.bilingual(), null).response();
	}

	private ResponseEntity<String> page(HttpStatus status, String template, Valid valid, String token) {
		VerdictToken link = valid.token();
		Map<String, Object> variables = Map.of("verdict", link.verdict().name(), "displayName",
				valid.owner().displayName(), "solicitationId", link.solicitationId().toString(), "expiresAt",
				link.expiresAt(), "action", "/v1/verdicts/" + token);
		return this.pages.page(status, template, PageText.of(valid.owner().language()), variables).response();
	}

	/**
	 * 410 in the owner's language for an expired link; 404 in French and English for an
	 * invalid one, the same page whatever the cause, so that a link reveals nothing of
	 * which owners exist.
	 */
	private ResponseEntity<String> refused(Check check) {
		if (check instanceof Expired expired) {
			return this.pages
				.notice(HttpStatus.GONE, "expired", List.of(PageText.of(expired.owner().language())),
						expired.token().expiresAt())
				.response();
		}
		return this.pages.notice(HttpStatus.NOT_FOUND, "invalid", PageText.bilingual(), null).response();
	}

	private ResponseEntity<String> record(String token, Valid valid) {
		try {
			this.recorder.record(token, valid);
		}
		catch (EventNotWrittenException ex) {
			log.error("Verdict not recorded: {}", ex.getMessage());
			HttpHeaders headers = new HttpHeaders();
			headers.set(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(ex.retryAfter()));
			return this.pages
				.notice(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", List.of(PageText.of(valid.owner().language())),
						null)
				.response(headers);
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER)
			.location(URI.create("/v1/verdicts/" + token + "?recorded"))
			.build();
	}

}
