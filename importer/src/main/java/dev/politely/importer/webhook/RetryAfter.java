package dev.politely.importer.webhook;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A {@code Retry-After} header: delay-seconds or an HTTP date (RFC 9110 section 10.2.3).
 */
final class RetryAfter {

	private RetryAfter() {
	}

	static Optional<Duration> of(HttpResponse<?> response, Clock clock) {
		return response.headers().firstValue("Retry-After").flatMap((value) -> parse(value.strip(), clock));
	}

	static Optional<Duration> parse(String value, Clock clock) {
		if (value.matches("[0-9]{1,9}")) {
			return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
		}
		try {
			ZonedDateTime at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME);
			Duration wait = Duration.between(clock.instant(), at.toInstant());
			return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

}
