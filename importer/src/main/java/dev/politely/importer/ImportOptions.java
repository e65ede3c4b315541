package dev.politely.importer;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The command line of {@code ./politely import}.
 *
 * @param waitFor how long to wait for the decisions before the triage report
 * @param reportDir where {@code triage-OWNER-DATE.csv} is written
 */
record ImportOptions(Path file, String ownerId, URI url, Duration waitFor, Path profilesDir, Path reportDir) {

	static final Duration DEFAULT_WAIT = Duration.ofMinutes(3);

	static final String USAGE = """
			usage: politely import FILE --owner ID [--url URL] [--wait DURATION]
			  FILE            a LinkedIn data export (.zip) or its Invitations.csv
			  --owner ID      the owner; the webhook secret is read from $POLITELY_PROFILES_DIR/ID.yml
			  --url URL       intake base URL (default: $POLITELY_PUBLIC_URL or http://localhost:8080)
			  --wait DURATION how long to wait for the decisions before the report: 90s, 5m, 0 (default 3m)
			  --report-dir D  where triage-OWNER-DATE.csv is written (default: the current directory)""";

	static ImportOptions parse(String[] args, Map<String, String> env) {
		Path file = null;
		String owner = null;
		String url = env.getOrDefault("POLITELY_PUBLIC_URL", "http://localhost:8080");
		Duration wait = DEFAULT_WAIT;
		Path reportDir = Path.of(".");
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			switch (arg) {
				case "--owner" -> owner = value(args, ++i, arg);
				case "--url" -> url = value(args, ++i, arg);
				case "--wait" -> wait = duration(value(args, ++i, arg));
				case "--report-dir" -> reportDir = Path.of(value(args, ++i, arg));
				default -> {
					if (arg.startsWith("-") || file != null) {
						throw new IllegalArgumentException("unexpected argument " + arg);
					}
					file = Path.of(arg);
				}
			}
		}
		if (file == null || owner == null) {
			throw new IllegalArgumentException("FILE and --owner are required");
		}
		URI base;
		try {
			base = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--url " + url + " is not a URL");
		}
		if (base.getScheme() == null || !base.getScheme().matches("https?") || base.getHost() == null) {
			throw new IllegalArgumentException("--url " + url + " is not an http(s) URL");
		}
		Path profiles = Path.of(env.getOrDefault("POLITELY_PROFILES_DIR", "config/profiles"));
		return new ImportOptions(file, owner, base, wait, profiles, reportDir);
	}

	private static String value(String[] args, int index, String option) {
		if (index >= args.length) {
			throw new IllegalArgumentException(option + " needs a value");
		}
		return args[index];
	}

	/** {@code 0}, {@code 90s}, {@code 5m}, {@code 1h}, or an ISO-8601 duration. */
	static Duration duration(String text) {
		String value = text.strip().toLowerCase();
		try {
			if (value.matches("[0-9]+")) {
				return Duration.ofSeconds(Long.parseLong(value));
			}
			if (value.matches("[0-9]+(ms|s|m|h)")) {
				long amount = Long.parseLong(value.replaceAll("[a-z]+$", ""));
				return switch (value.replaceAll("^[0-9]+", "")) {
					case "ms" -> Duration.ofMillis(amount);
					case "s" -> Duration.ofSeconds(amount);
					case "m" -> Duration.ofMinutes(amount);
					default -> Duration.ofHours(amount);
				};
			}
			return Duration.parse(text.strip());
		}
		catch (RuntimeException ex) {
			throw new IllegalArgumentException("--wait " + text + " is not a duration like 90s, 5m or 0");
		}
	}

}
