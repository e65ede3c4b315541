package dev.politely.notification.delivery;

import java.util.regex.Pattern;

/**
 * Text that goes into a header (subject, display name). CR, LF, NUL and every other
 * control or line-separator character becomes a space, so nothing a requester typed can
 * end a header line and start another.
 */
final class HeaderText {

	private static final Pattern UNSAFE = Pattern.compile("[\\p{Cc}\\p{Zl}\\p{Zp}\\p{Cf}]+");

	private static final Pattern SPACES = Pattern.compile("\\s{2,}");

	private static final int MAX_LENGTH = 200;

	private HeaderText() {
	}

	static String clean(String text) {
		String cleaned = SPACES.matcher(UNSAFE.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
		return cleaned.length() <= MAX_LENGTH ? cleaned : cleaned.substring(0, MAX_LENGTH - 1).strip() + "…";
	}

}
