package dev.politely.policy.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class PeriodsTest {

	static final ZoneId PARIS = ZoneId.of("Europe/Paris");
	static final ZoneId UTC = ZoneId.of("UTC");
	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	void namesTheIsoWeekAndTheMonth() {
		Instant tuesday = Instant.parse("2026-11-24T08:05:00Z");

		assertThat(Periods.isoWeek(tuesday, PARIS)).isEqualTo("2026-W48");
		assertThat(Periods.month(tuesday, PARIS)).isEqualTo("2026-11");
	}

	@Test
	void sundayNightInUtcIsAlreadyNextWeekInParis() {
		Instant sunday = Instant.parse("2026-11-29T23:30:00Z");

		assertThat(Periods.isoWeek(sunday, UTC)).isEqualTo("2026-W48");
		assertThat(Periods.isoWeek(sunday, PARIS)).isEqualTo("2026-W49");
	}

	@Test
	void aWeekRunsFromMondayToSunday() {
		assertThat(Periods.isoWeek(Instant.parse("2026-11-23T00:00:00Z"), UTC)).isEqualTo("2026-W48");
		assertThat(Periods.isoWeek(Instant.parse("2026-11-29T23:59:59Z"), UTC)).isEqualTo("2026-W48");
	}

	@Test
	void theMonthEndsAtMidnightInTheOwnersZone() {
		Instant lateOnTheThirtieth = Instant.parse("2026-11-30T23:30:00Z");
		Instant earlyOnTheFirst = Instant.parse("2026-12-01T03:00:00Z");

		assertThat(Periods.month(lateOnTheThirtieth, UTC)).isEqualTo("2026-11");
		assertThat(Periods.month(lateOnTheThirtieth, PARIS)).isEqualTo("2026-12");
		assertThat(Periods.month(earlyOnTheFirst, UTC)).isEqualTo("2026-12");
		assertThat(Periods.month(earlyOnTheFirst, NEW_YORK)).isEqualTo("2026-11");
	}

	@Test
	void countsTheWeekInItsWeekBasedYear() {
		assertThat(Periods.isoWeek(Instant.parse("2027-01-01T12:00:00Z"), PARIS)).isEqualTo("2026-W53");
		assertThat(Periods.month(Instant.parse("2027-01-01T12:00:00Z"), PARIS)).isEqualTo("2027-01");
		assertThat(Periods.isoWeek(Instant.parse("2024-12-30T12:00:00Z"), PARIS)).isEqualTo("2025-W01");
	}

	@Test
	void padsSingleDigitWeeks() {
		assertThat(Periods.isoWeek(Instant.parse("2026-01-07T12:00:00Z"), PARIS)).isEqualTo("2026-W02");
	}

}
