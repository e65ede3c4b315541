package dev.politely.policy.decision;

import java.time.Instant;

/**
 * A solicitation under construction for the tests: sensible defaults, one wither per
 * field.
 */
record Ask(Kind kind, String platform, Instant receivedAt, String name, String email, String profileUrl,
		String headline, Integer mutuals, String message, Integer minutes) {

	/** A Tuesday: 2026-11-24, in ISO week 2026-W48, in Paris as in UTC. */
	static final Instant TUESDAY = Instant.parse("2026-11-24T08:00:00Z");

	static Ask of(Kind kind) {
		return new Ask(kind, "linkedin", TUESDAY, "Jean Dupont", "jean.dupont@example.com", null, null, null, null,
				null);
	}

	Ask on(String platform) {
		return new Ask(kind, platform, receivedAt, name, email, profileUrl, headline, mutuals, message, minutes);
	}

	Ask at(String instant) {
		return new Ask(kind, platform, Instant.parse(instant), name, email, profileUrl, headline, mutuals, message,
				minutes);
	}

	Ask from(String name, String email) {
		return new Ask(kind, platform, receivedAt, name, email, profileUrl, headline, mutuals, message, minutes);
	}

	Ask profileUrl(String profileUrl) {
		return new Ask(kind, platform, receivedAt, name, email, profileUrl, headline, mutuals, message, minutes);
	}

	Ask headline(String headline) {
		return new Ask(kind, platform, receivedAt, name, email, profileUrl, headline, mutuals, message, minutes);
	}

	Ask mutuals(Integer mutuals) {
		return new Ask(kind, platform, receivedAt, name, email, profileUrl, headline, mutuals, message, minutes);
	}

	Ask message(String message) {
		return new Ask(kind, platform, receivedAt, name, email, profileUrl, headline, mutuals, message, minutes);
	}

	Ask minutes(Integer minutes) {
		return new Ask(kind, platform, receivedAt, name, email, profileUrl, headline, mutuals, message, minutes);
	}

	Solicitation solicitation() {
		return new Solicitation(kind, platform, receivedAt,
				new Requester(name, email, profileUrl, headline, "fr", mutuals), message, minutes);
	}
}
