package dev.politely.webhook.body;

/**
 * The {@code Mailbox} syntax of RFC 5321, section 4.1.2, which is what JSON Schema's
 * {@code email} format means: a dot-string or quoted-string local part, {@code @}, then a
 * domain of dot-separated labels or an address literal ({@code [192.0.2.1]},
 * {@code [IPv6:2001:db8::1]}), within the lengths of section 4.5.3.1.
 *
 * <p>
 * Syntax only: no list of top-level domains is consulted, so that {@code ana@lab.test},
 * {@code bo@example.invalid} or a domain newer than any bundled list are valid (contract
 * section 1). An internationalised domain is valid as A-labels ({@code xn--...});
 * non-ASCII text is {@code idn-email}'s, not {@code email}'s. Whether the address
 * receives mail is for the SMTP server to say.
 */
final class Mailbox {

	private static final int MAX_LOCAL_PART = 64;

	private static final int MAX_DOMAIN = 255;

	/** A path is at most 256 octets with its angle brackets. */
	private static final int MAX_MAILBOX = 254;

	private static final int MAX_LABEL = 63;

	private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

	private Mailbox() {
	}

	static boolean isValid(String mailbox) {
		if (mailbox == null || mailbox.length() > MAX_MAILBOX) {
			return false;
		}
		int at = mailbox.lastIndexOf('@');
		if (at <= 0) {
			return false;
		}
		String localPart = mailbox.substring(0, at);
		String domain = mailbox.substring(at + 1);
		return localPart.length() <= MAX_LOCAL_PART && isLocalPart(localPart) && domain.length() <= MAX_DOMAIN
				&& (isDomain(domain) || isAddressLiteral(domain));
	}

	private static boolean isLocalPart(String localPart) {
		return localPart.startsWith("\"") ? isQuotedString(localPart) : isDotString(localPart);
	}

	/** {@code Atom *("." Atom)}: no leading, trailing or double dot. */
	private static boolean isDotString(String text) {
		for (String atom : text.split("\\.", -1)) {
			if (atom.isEmpty() || !atom.chars().allMatch(Mailbox::isAtext)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isAtext(int c) {
		return isAsciiLetterOrDigit(c) || ATEXT_SYMBOLS.indexOf(c) >= 0;
	}

	/**
	 * {@code DQUOTE *QcontentSMTP DQUOTE}: printable ASCII and space, with {@code "} and
	 * {@code \} only as a quoted pair; never CR, LF or NUL.
	 */
	private static boolean isQuotedString(String text) {
		if (text.length() < 2 || !text.endsWith("\"")) {
			return false;
		}
		for (int i = 1; i < text.length() - 1; i++) {
			char c = text.charAt(i);
			if (c == '\\') {
				i++;
				if (i == text.length() - 1 || !isPrintableOrSpace(text.charAt(i))) {
					return false;
				}
			}
			else if (c == '"' || !isPrintableOrSpace(c)) {
				return false;
			}
		}
		return true;
	}

	private static boolean isPrintableOrSpace(char c) {
		return c >= 32 && c <= 126;
	}

	/**
	 * {@code sub-domain *("." sub-domain)}, each a letter or digit, then letters, digits
	 * and hyphens, ending with a letter or digit; A-labels ({@code xn--}) are such
	 * labels.
	 */
	private static boolean isDomain(String domain) {
		for (String label : domain.split("\\.", -1)) {
			if (label.isEmpty() || label.length() > MAX_LABEL || !isAsciiLetterOrDigit(label.charAt(0))
					|| !isAsciiLetterOrDigit(label.charAt(label.length() - 1))
					|| !label.chars().allMatch(c -> isAsciiLetterOrDigit(c) || c == '-')) {
				return false;
			}
		}
		return true;
	}

	private static boolean isAsciiLetterOrDigit(int c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	/**
	 * {@code "[" IPv4-address-literal / IPv6-address-literal "]"}. The general form
	 * ({@code tag:content}) is refused: no tag other than {@code IPv6} is registered.
	 */
	private static boolean isAddressLiteral(String domain) {
		if (domain.length() < 3 || domain.charAt(0) != '[' || domain.charAt(domain.length() - 1) != ']') {
			return false;
		}
		String literal = domain.substring(1, domain.length() - 1);
		if (literal.regionMatches(true, 0, "IPv6:", 0, 5)) {
			return isIpv6(literal.substring(5));
		}
		return isIpv4(literal);
	}

	/** {@code Snum 3("." Snum)}, each 0 to 255 in one to three digits. */
	private static boolean isIpv4(String text) {
		String[] parts = text.split("\\.", -1);
		if (parts.length != 4) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
					|| Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return true;
	}

	/**
	 * RFC 5321's four forms: eight groups; at most six around a {@code ::}; six groups
	 * then an IPv4 address; at most four around a {@code ::} then an IPv4 address.
	 */
	private static boolean isIpv6(String text) {
		int lastColon = text.lastIndexOf(':');
		boolean endsInIpv4 = lastColon >= 0 && text.indexOf('.', lastColon) >= 0;
		String hex = text;
		if (endsInIpv4) {
			if (!isIpv4(text.substring(lastColon + 1))) {
				return false;
			}
			// keep the colon(s) before the IPv4 part: "::192.0.2.1" leaves "::"
			hex = text.substring(0, lastColon + 1);
			hex = hex.endsWith("::") ? hex : hex.substring(0, hex.length() - 1);
		}
		int compressed = hex.indexOf("::");
		if (compressed >= 0) {
			if (hex.indexOf("::", compressed + 1) >= 0) {
				return false;
			}
			int groups = countGroups(hex.substring(0, compressed)) + countGroups(hex.substring(compressed + 2));
			return groups >= 0 && groups <= (endsInIpv4 ? 4 : 6);
		}
		return countGroups(hex) == (endsInIpv4 ? 6 : 8);
	}

	/** The number of 1 to 4 hex digit groups separated by single colons, or -99. */
	private static int countGroups(String text) {
		if (text.isEmpty()) {
			return 0;
		}
		String[] groups = text.split(":", -1);
		for (String group : groups) {
			if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
				return -99;
			}
		}
		return groups.length;
	}

}
