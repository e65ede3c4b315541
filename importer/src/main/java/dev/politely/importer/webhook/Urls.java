package dev.politely.importer.webhook;

import java.net.URI;

/**
 * Paths under the base URL the user gave, with or without a trailing slash.
 */
final class Urls {

	private Urls() {
	}

	static URI resolve(URI base, String path) {
		String text = base.toString();
		if (path.startsWith("/") && !base.getRawPath().isEmpty() && !base.getRawPath().equals("/")) {
			// keep a base path (https://host/politely) that an absolute path would drop
			return URI.create(text.replaceAll("/+$", "") + path);
		}
		return base.resolve(path);
	}

}
