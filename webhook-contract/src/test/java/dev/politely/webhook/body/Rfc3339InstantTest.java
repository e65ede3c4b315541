package dev.politely.webhook.body;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class Rfc3339InstantTest {

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-24T08:05:00Z", "2026-11-24t08:05:00z", "2026-11-24T09:05:00.5+01:00",
			"2026-11-24T08:05:00.123456789Z", "2026-11-24T02:35:00.120-05:30", "2026-11-24T08:05:00-00:00",
			"2024-02-29T23:59:59+18:00", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-18:00",
			// not the usual shape or out of range: the formatter's answer, whatever it is
			"2026-04-31T08:05:00Z", "2026-02-30T08:05:00Z", "2026-11-24T24:00:00Z", "2026-11-24T08:05Z",
			"2026-11-24T08:05:00+01:00:30", "+12026-11-24T08:05:00Z", "2026-11-24T08:05:00.Z" })
	void readsAsTheFormatterDoes(String text) {
		assertThat(Rfc3339Instant.parse(text))
			.isEqualTo(OffsetDateTime.parse(text, Rfc3339Instant.RFC_3339).toInstant());
	}

	@ParameterizedTest
	@ValueSource(strings = { "2026-11-24T23:59:60Z", "2026-13-24T08:05:00Z", "2026-11-24T08:05:00+19:00",
			"2026-11-24T08:05:00+01:60", "2026-11-24T08:05:00.1234567890Z", "2026-11-24T08:05:00",
			"2026-11-24 08:05:00Z", "2026-11-24T08:05:00+0100", "2026-1x-24T08:05:00Z", "yesterday, around noon" })
	void refusesWhatTheFormatterRefuses(String text) {
		assertThatExceptionOfType(DateTimeParseException.class)
			.isThrownBy(() -> OffsetDateTime.parse(text, Rfc3339Instant.RFC_3339));
		assertThatExceptionOfType(DateTimeParseException.class).isThrownBy(() -> Rfc3339Instant.parse(text));
	}

	@Test
	void readsTheUsualShapeToTheRightInstant() {
		assertThat(Rfc3339Instant.parse("2026-11-24T09:05:00.5+01:00"))
			.isEqualTo(Instant.parse("2026-11-24T08:05:00.5Z"));
		assertThat(Rfc3339Instant.parse("2026-11-23T22:35:00-09:30")).isEqualTo(Instant.parse("2026-11-24T08:05:00Z"));
	}

}
