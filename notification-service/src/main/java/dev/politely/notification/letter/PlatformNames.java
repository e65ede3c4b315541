package dev.politely.notification.letter;

import java.util.Locale;
import java.util.Map;

/**
 * Platforms as people write them ("LinkedIn", not "linkedin"), for the words of a letter.
 */
final class PlatformNames {

	private static final Map<String, String> KNOWN = Map.ofEntries(Map.entry("linkedin", "LinkedIn"),
			Map.entry("xing", "XING"), Map.entry("malt", "Malt"), Map.entry("viadeo", "Viadeo"),
			Map.entry("welcome to the jungle", "Welcome to the Jungle"), Map.entry("facebook", "Facebook"),
			Map.entry("instagram", "Instagram"), Map.entry("whatsapp", "WhatsApp"), Map.entry("snapchat", "Snapchat"),
			Map.entry("tiktok", "TikTok"), Map.entry("x", "X"), Map.entry("twitter", "X"),
			Map.entry("github", "GitHub"), Map.entry("mastodon", "Mastodon"), Map.entry("bluesky", "Bluesky"));

	private PlatformNames() {
	}

	static String display(String platform) {
		String trimmed = platform.strip();
		String known = KNOWN.get(trimmed.toLowerCase(Locale.ROOT));
		if (known != null) {
			return known;
		}
		return trimmed.isEmpty() ? trimmed : trimmed.substring(0, 1).toUpperCase(Locale.ROOT) + trimmed.substring(1);
	}

}
