package dev.politely.notification.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import dev.politely.profile.ProfileDirectory;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class CallbackBackoffTest {

	/** The defaults of notification-service.properties. */
	private final CallbackBackoff backoff = new CallbackBackoff(Duration.ofSeconds(2), 3, Duration.ofMinutes(10), 8,
			0.2);

	@RepeatedTest(20)
	void theFirstTwoRetriesComeWithinThirtySecondsWithJitter() {
		Duration first = backoff.after(1, null);
		Duration second = backoff.after(2, null);

		assertThat(first).isBetween(Duration.ofMillis(1600), Duration.ofMillis(2400));
		assertThat(second).isBetween(Duration.ofMillis(4800), Duration.ofMillis(7200));
		assertThat(first.plus(second)).isLessThan(Duration.ofSeconds(30));
	}

	@Test
	void growsExponentiallyUpToTheMaximumAndGivesUpAfterTheLastAttempt() {
		assertThat(backoff.after(4, null)).isBetween(Duration.ofMillis(43200), Duration.ofMillis(64800));
		assertThat(backoff.after(9, null)).isLessThanOrEqualTo(Duration.ofMinutes(10));
		assertThat(backoff.exhausted(7)).isFalse();
		assertThat(backoff.exhausted(8)).isTrue();
	}

	@Test
	void aRetryAfterWinsOverTheSchedule() {
		assertThat(backoff.after(1, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(1));
		assertThat(backoff.after(5, Duration.ofSeconds(7))).isEqualTo(Duration.ofSeconds(7));
		assertThat(backoff.after(1, Duration.ofDays(1))).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void readsRetryAfterInSecondsOrAsAnHttpDate() {
		Instant now = Instant.parse("2026-11-24T08:00:00Z");
		CallbackSender sender = new CallbackSender(Duration.ofSeconds(1), Duration.ofSeconds(1),
				new ProfileDirectory(java.nio.file.Path.of("none")), Clock.fixed(now, ZoneOffset.UTC));

		assertThat(sender.retryAfter("1")).isEqualTo(Duration.ofSeconds(1));
		assertThat(sender
			.retryAfter(DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(90).atZone(ZoneOffset.UTC))))
			.isEqualTo(Duration.ofSeconds(90));
		assertThat(sender.retryAfter("soon")).isNull();
	}

}
