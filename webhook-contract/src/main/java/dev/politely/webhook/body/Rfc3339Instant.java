package dev.politely.webhook.body;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;

/**
 * Reads a {@code receivedAt} as {@link #RFC_3339} does, for less: that formatter was the
 * dearest step of validating a valid body. The usual shape ({@code 2026-11-24T08:05:00Z},
 * a fraction of 1 to 9 digits, {@code Z} or {@code +hh:mm}, {@code T} and {@code Z} in
 * either case) is read by hand; anything else, and any value out of range (a day 31 in
 * April, an hour 24, a leap second), goes to the formatter, which decides as it always
 * did.
 */
final class Rfc3339Instant {

	static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
		.toFormatter();

	private Rfc3339Instant() {
	}

	/**
	 * @throws DateTimeParseException when {@link #RFC_3339} cannot read it
	 */
	static Instant parse(String text) {
		Instant usual = parseUsualShape(text);
		return (usual != null) ? usual : OffsetDateTime.parse(text, RFC_3339).toInstant();
	}

	/**
	 * The instant, or null when the text is not of the usual shape or a value is out of
	 * range.
	 */
	private static Instant parseUsualShape(String s) {
		int n = s.length();
		if (n < 20 || s.charAt(4) != '-' || s.charAt(7) != '-' || (s.charAt(10) != 'T' && s.charAt(10) != 't')
				|| s.charAt(13) != ':' || s.charAt(16) != ':') {
			return null;
		}
		int year = digits(s, 0, 4);
		int month = digits(s, 5, 2);
		int day = digits(s, 8, 2);
		int hour = digits(s, 11, 2);
		int minute = digits(s, 14, 2);
		int second = digits(s, 17, 2);
		int i = 19;
		int nanos = 0;
		if (s.charAt(i) == '.') {
			int from = ++i;
			while (i < n && i - from < 10 && isDigit(s.charAt(i))) {
				i++;
			}
			int count = i - from;
			if (count < 1 || count > 9) {
				return null;
			}
			nanos = digits(s, from, count);
			for (int k = count; k < 9; k++) {
				nanos *= 10;
			}
		}
		int offsetSeconds;
		if (i == n - 1 && (s.charAt(i) == 'Z' || s.charAt(i) == 'z')) {
			offsetSeconds = 0;
		}
		else if (i == n - 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
			int hours = digits(s, i + 1, 2);
			int minutes = digits(s, i + 4, 2);
			if (hours < 0 || minutes < 0 || hours > 18 || minutes > 59) {
				return null;
			}
			offsetSeconds = ((s.charAt(i) == '-') ? -1 : 1) * (hours * 3600 + minutes * 60);
		}
		else {
			return null;
		}
		if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
			return null;
		}
		try {
			ZoneOffset offset = ZoneOffset.ofTotalSeconds(offsetSeconds);
			return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, offset).toInstant();
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/**
	 * The value of {@code count} ASCII digits from {@code from}, or -1 when one is not a
	 * digit.
	 */
	private static int digits(String s, int from, int count) {
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = s.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
