package dev.politely.webhook.body;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.politely.webhook.Examples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code receivedAt} as the validator reads it: RFC 3339 with an offset, through the
 * JDK's formatter. The cases are those that guarded the hand-written reader this
 * replaced, so what was accepted still is, at the same instant, and what was refused
 * still is.
 */
class ReceivedAtTest {

	private final SolicitationValidator validator = new SolicitationValidator();

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-24T08:05:00Z", "2026-11-24t08:05:00z", "2026-11-24T09:05:00.5+01:00",
			"2026-11-24T08:05:00.123456789Z", "2026-11-24T02:35:00.120-05:30", "2026-11-24T08:05:00-00:00",
			"2024-02-29T23:59:59+18:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-18:00" })
	void readsAsTheFormatterDoes(String text) {
		assertThat(receivedAt(text)).isEqualTo(OffsetDateTime.parse(text, SolicitationValidator.RFC_3339).toInstant());
	}

	/**
	 * Out of range, or a shape the formatter is lenient with (no seconds, an offset in
	 * seconds, a five-digit year): the schema's {@code date-time} refuses them first.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "2026-04-31T08:05:00Z", "2026-02-30T08:05:00Z", "2026-11-24T24:00:00Z",
			"2026-11-24T08:05Z", "2026-11-24T08:05:00+01:00:30", "+12026-11-24T08:05:00Z", "2026-11-24T08:05:00.Z" })
	void refusesWhatTheSchemaRefuses(String text) {
		assertRefused(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-24T23:59:60Z", "2026-13-24T08:05:00Z", "2026-11-24T08:05:00+19:00",
			"2026-11-24T08:05:00+01:60", "2026-11-24T08:05:00.1234567890Z", "2026-11-24T08:05:00",
			"2026-11-24 08:05:00Z", "2026-11-24T08:05:00+0100", "2026-1x-24T08:05:00Z", "yesterday, around noon" })
	void refusesWhatTheFormatterRefuses(String text) {
		assertThatExceptionOfType(DateTimeParseException.class)
			.isThrownBy(() -> OffsetDateTime.parse(text, SolicitationValidator.RFC_3339));
		assertRefused(text);
	}

	@Test
	void readsTheUsualShapeToTheRightInstant() {
		assertThat(receivedAt("2026-11-24T09:05:00.5+01:00")).isEqualTo(Instant.parse("2026-11-24T08:05:00.5Z"));
		assertThat(receivedAt("2026-11-23T22:35:00-09:30")).isEqualTo(Instant.parse("2026-11-24T08:05:00Z"));
	}

	private Instant receivedAt(String text) {
		return this.validator.validate(body(text)).receivedAt();
	}

	private void assertRefused(String text) {
		assertThatExceptionOfType(InvalidSolicitationException.class)
			.isThrownBy(() -> this.validator.validate(body(text)))
			.satisfies((ex) -> assertThat(ex.violations()).extracting(Violation::field).containsOnly("receivedAt"));
	}

	private static byte[] body(String receivedAt) {
		return utf8("""
				{"kind": "QUESTION", "platform": "linkedin", "requester": {"name": "Ada"}, "receivedAt": "%s"}"""
			.formatted(receivedAt));
	}

}
