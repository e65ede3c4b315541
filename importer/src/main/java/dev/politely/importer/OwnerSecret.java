package dev.politely.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.politely.webhook.signature.WebhookSecret;

/**
 * The owner's webhook secret, from {@code $POLITELY_PROFILES_DIR/<ownerId>.yml}.
 * <p>
 * The one place the import reads a profile, and on purpose only the top-level
 * {@code webhookSecret} line: the profile format has its own reader, which this class is
 * meant to call instead once it is a module the import can depend on.
 */
final class OwnerSecret {

	private static final Pattern OWNER_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final Pattern SECRET_LINE = Pattern
		.compile("^webhookSecret:[ \\t]*([\"']?)(whsec_[A-Za-z0-9+/=]+)\\1[ \\t]*(#.*)?$", Pattern.MULTILINE);

	private OwnerSecret() {
	}

	static WebhookSecret read(Path profilesDir, String ownerId) throws InvalidOwnerException {
		if (!OWNER_ID.matcher(ownerId).matches() || ownerId.equals(".") || ownerId.equals("..")) {
			throw new InvalidOwnerException("'" + ownerId + "' is not an owner id (letters, digits, '.', '_', '-')");
		}
		Path profile = profilesDir.resolve(ownerId + ".yml");
		String text;
		try {
			text = Files.readString(profile, StandardCharsets.UTF_8);
		}
		catch (NoSuchFileException ex) {
			throw new InvalidOwnerException("no profile " + profile + " (POLITELY_PROFILES_DIR names the directory)");
		}
		catch (IOException ex) {
			throw new InvalidOwnerException("cannot read " + profile + ": " + ex.getMessage());
		}
		Matcher matcher = SECRET_LINE.matcher(text);
		if (!matcher.find()) {
			throw new InvalidOwnerException(profile + " has no line 'webhookSecret: whsec_...'");
		}
		try {
			return WebhookSecret.parse(matcher.group(2));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidOwnerException(profile + ": webhookSecret " + ex.getMessage());
		}
	}

	/** The owner cannot be imported for: no profile, no secret. */
	static final class InvalidOwnerException extends Exception {

		InvalidOwnerException(String message) {
			super(message);
		}

	}

}
