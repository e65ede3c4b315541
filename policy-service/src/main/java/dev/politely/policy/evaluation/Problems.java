package dev.politely.policy.evaluation;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The RFC 9457 answers of the policy's owner API (the dry run and the status API), never
 * cached: they say something about one owner.
 */
public final class Problems {

	private static final String PROBLEMS = "https://politely.dev/problems/";

	private Problems() {
	}

	/**
	 * @param type the last segment of the problem type,
	 * {@code https://politely.dev/problems/<type>}
	 */
	public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create(PROBLEMS + type));
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(problem);
	}

}
