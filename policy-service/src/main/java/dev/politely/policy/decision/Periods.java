package dev.politely.policy.decision;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;

/** The periods the owner's counters are kept by, counted in the owner's time zone. */
public final class Periods {

	private Periods() {
	}

	/**
	 * The ISO week (Monday to Sunday), e.g. {@code 2026-W48}. The year is the week-based
	 * year: 2027-01-01 falls in {@code 2026-W53}, and 2024-12-30 in {@code 2025-W01}.
	 */
	public static String isoWeek(Instant instant, ZoneId zone) {
		ZonedDateTime local = instant.atZone(zone);
		int week = local.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		// "%d-W%02d" without String.format, which cost more than the rest of a decision's
		// counters
		return local.get(IsoFields.WEEK_BASED_YEAR) + (week < 10 ? "-W0" : "-W") + week;
	}

	/** The calendar month, e.g. {@code 2026-11}. */
	public static String month(Instant instant, ZoneId zone) {
		return YearMonth.from(instant.atZone(zone)).toString();
	}

}
