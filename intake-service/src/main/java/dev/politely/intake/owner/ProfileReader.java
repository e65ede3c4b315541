package dev.politely.intake.owner;

import dev.politely.webhook.verdict.VerdictLinkKey;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.politely.webhook.signature.WebhookSecret;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads the keys the intake needs from one {@code <ownerId>.yml} profile: {@code owner}
 * and {@code webhookSecret} (required), {@code language} ({@code fr} or {@code en},
 * default {@code fr}) and {@code displayName} (optional), checked as the policy service
 * checks them.
 */
final class ProfileReader {

	static final String EXTENSION = ".yml";

	private static final int MAX_BYTES = 1024 * 1024;

	private static final int MAX_DISPLAY_NAME = 200;

	Owner read(Path file) throws InvalidProfileException {
		String expectedOwner = ownerIdOf(file);
		if (!OwnerId.isValid(expectedOwner)) {
			throw new InvalidProfileException(file, "the file name is not a valid owner id");
		}
		Map<?, ?> document = parse(file);
		Object owner = document.get("owner");
		if (!expectedOwner.equals(owner)) {
			throw new InvalidProfileException(file,
					"key 'owner' must equal the file name without .yml ('" + expectedOwner + "')");
		}
		Object secret = document.get("webhookSecret");
		if (!(secret instanceof String text)) {
			throw new InvalidProfileException(file, "key 'webhookSecret' is missing or not text");
		}
		WebhookSecret webhookSecret;
		try {
			webhookSecret = WebhookSecret.parse(text);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidProfileException(file, "key 'webhookSecret' " + ex.getMessage());
		}
		return new Owner(expectedOwner, webhookSecret, VerdictLinkKey.derive(text), language(file, document),
				displayName(file, document, expectedOwner));
	}

	private static Language language(Path file, Map<?, ?> document) throws InvalidProfileException {
		Object language = document.get("language");
		if (language == null) {
			return Language.FR;
		}
		if (language instanceof String tag && (tag.equalsIgnoreCase("fr") || tag.equalsIgnoreCase("en"))) {
			return Language.of(tag);
		}
		throw new InvalidProfileException(file, "key 'language' must be fr or en");
	}

	private static String displayName(Path file, Map<?, ?> document, String ownerId) throws InvalidProfileException {
		Object displayName = document.get("displayName");
		if (displayName == null) {
			return ownerId;
		}
		if (!(displayName instanceof String name)) {
			throw new InvalidProfileException(file, "key 'displayName' must be text");
		}
		// only ever shown HTML-escaped; bounded and on one line so that a page stays a
		// page
		String shown = name.replaceAll("\\p{Cntrl}+", " ").strip();
		if (shown.isEmpty()) {
			return ownerId;
		}
		return (shown.length() > MAX_DISPLAY_NAME) ? shown.substring(0, MAX_DISPLAY_NAME) : shown;
	}

	static String ownerIdOf(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.length() - EXTENSION.length());
	}

	private Map<?, ?> parse(Path file) throws InvalidProfileException {
		try {
			if (Files.size(file) > MAX_BYTES) {
				throw new InvalidProfileException(file, "the file is over " + MAX_BYTES + " bytes");
			}
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			options.setMaxAliasesForCollections(50);
			try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
				Object document = new Yaml(new SafeConstructor(options)).load(reader);
				if (!(document instanceof Map<?, ?> map)) {
					throw new InvalidProfileException(file, "the document is not a mapping of keys");
				}
				return map;
			}
		}
		catch (IOException | YAMLException ex) {
			throw new InvalidProfileException(file, "not readable YAML: " + ex.getMessage());
		}
	}

}
