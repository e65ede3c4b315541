package dev.politely.policy.decision;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.politely.profile.Profile;

/** The definitions of contract section 3: contact, coherent, platform class. */
final class Matching {

	private Matching() {
	}

	static PlatformClass platformClass(String platform, Profile.Platforms platforms) {
		String name = fold(platform);
		if (platforms.professional().stream().anyMatch(p -> fold(p).equals(name))) {
			return PlatformClass.PROFESSIONAL;
		}
		if (platforms.personal().stream().anyMatch(p -> fold(p).equals(name))) {
			return PlatformClass.PRIVATE;
		}
		return PlatformClass.UNKNOWN;
	}

	/**
	 * The first contact whose email, or profile URL (trailing "/" ignored), is the
	 * requester's, ignoring case.
	 */
	static Optional<Profile.Contact> contact(List<Profile.Contact> contacts, Requester requester) {
		String email = trimmed(requester.email());
		String url = withoutTrailingSlash(requester.profileUrl());
		return contacts.stream()
			.filter(c -> email != null && email.equalsIgnoreCase(trimmed(c.email()))
					|| url != null && url.equalsIgnoreCase(withoutTrailingSlash(c.profileUrl())))
			.findFirst();
	}

	/**
	 * The first keyword that occurs in one of the texts as a whole word or phrase,
	 * ignoring case and accents: "RH" is found in "un poste en rh", not in "un rhume".
	 */
	static Optional<String> coherentKeyword(List<String> keywords, String... texts) {
		// each text folded once, not once per keyword: folding is most of what matching
		// costs
		String[] folded = new String[texts.length];
		for (int i = 0; i < texts.length; i++) {
			folded[i] = texts[i] == null ? null : fold(texts[i]);
		}
		for (String keyword : keywords) {
			String wanted = fold(keyword);
			for (String text : folded) {
				if (!wanted.isEmpty() && text != null && containsWhole(text, wanted)) {
					return Optional.of(keyword);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Lower case, without accents, single spaces: "Carrière RH" becomes "carriere rh".
	 */
	static String fold(String text) {
		// By hand rather than by regular expressions (\p{M}+, \s+), which were most of a
		// decision's
		// matching time; and an ASCII text has no accents to take off.
		String bare = isAscii(text) ? text
				: withoutMarks(Normalizer.normalize(text, Normalizer.Form.NFD)).replace("œ", "oe")
					.replace("Œ", "oe")
					.replace("æ", "ae")
					.replace("Æ", "ae");
		return singleSpaces(bare.toLowerCase(Locale.ROOT)).trim();
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Without the combining marks (Unicode category M) that NFD splits off the letters.
	 */
	private static String withoutMarks(String text) {
		StringBuilder out = new StringBuilder(text.length());
		text.codePoints().filter(c -> !isMark(c)).forEach(out::appendCodePoint);
		return out.toString();
	}

	private static boolean isMark(int codePoint) {
		int type = Character.getType(codePoint);
		return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
				|| type == Character.COMBINING_SPACING_MARK;
	}

	/**
	 * Each run of white space (what {@code \s} matches: space, tab, \n, \x0B, \f, \r) as
	 * one space.
	 */
	private static String singleSpaces(String text) {
		StringBuilder out = new StringBuilder(text.length());
		boolean inSpace = false;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			boolean space = c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
			if (space && !inSpace) {
				out.append(' ');
			}
			else if (!space) {
				out.append(c);
			}
			inSpace = space;
		}
		return out.toString();
	}

	private static boolean containsWhole(String text, String phrase) {
		for (int at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
			int end = at + phrase.length();
			boolean startsWord = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
			boolean endsWord = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
			if (startsWord && endsWord) {
				return true;
			}
		}
		return false;
	}

	private static String trimmed(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	private static String withoutTrailingSlash(String url) {
		String trimmed = trimmed(url);
		if (trimmed == null) {
			return null;
		}
		int end = trimmed.length();
		while (end > 0 && trimmed.charAt(end - 1) == '/') {
			end--;
		}
		return trimmed.substring(0, end);
	}

}
