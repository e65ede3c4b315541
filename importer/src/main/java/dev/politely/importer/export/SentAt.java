package dev.politely.importer.export;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * {@code Sent At} as LinkedIn writes it, {@code 11/16/22, 12:32 PM}: month/day/two-digit
 * year and a 12-hour clock, read as UTC (the export says no zone).
 */
public final class SentAt {

	static final String EXAMPLE = "11/16/22, 12:32 PM";

	private static final DateTimeFormatter FORMAT = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.appendPattern("M/d/")
		.appendValueReduced(ChronoField.YEAR, 2, 2, 2000)
		.appendPattern(", h:mm a")
		.toFormatter(Locale.US)
		.withResolverStyle(ResolverStyle.SMART);

	private SentAt() {
	}

	/**
	 * @throws DateTimeParseException when the text is not in LinkedIn's format
	 */
	static Instant parse(String text) {
		// some exports put a narrow or non-breaking space before AM/PM
		String normalized = text.strip().replace('\u202F', ' ').replace('\u00A0', ' ');
		return LocalDateTime.parse(normalized, FORMAT).toInstant(ZoneOffset.UTC);
	}

	/** The same instant as LinkedIn would write it. */
	public static String format(Instant instant) {
		return FORMAT.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
	}

}
