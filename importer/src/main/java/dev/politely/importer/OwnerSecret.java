package dev.politely.importer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import dev.politely.profile.Profile;
import dev.politely.profile.ProfileDirectory;
import dev.politely.profile.ProfileError;
import dev.politely.webhook.signature.WebhookSecret;

/**
 * The owner's webhook secret, from {@code $POLITELY_PROFILES_DIR/<ownerId>.yml}, read by
 * the one reader of the profile format ({@code owner-profile}): the import signs only for
 * an owner the services would accept, and names the key that is wrong otherwise.
 */
final class OwnerSecret {

	private OwnerSecret() {
	}

	static WebhookSecret read(Path profilesDir, String ownerId) throws InvalidOwnerException {
		if (!Files.isDirectory(profilesDir)) {
			throw new InvalidOwnerException(
					"no profile directory " + profilesDir + " (POLITELY_PROFILES_DIR names the directory)");
		}
		ProfileDirectory profiles = new ProfileDirectory(profilesDir);
		Profile profile = profiles.find(ownerId).orElseThrow(() -> refused(profiles, profilesDir, ownerId));
		return WebhookSecret.parse(profile.webhookSecret());
	}

	private static InvalidOwnerException refused(ProfileDirectory profiles, Path profilesDir, String ownerId) {
		List<ProfileError> errors = profiles.problems().get(ownerId);
		if (errors == null || errors.isEmpty()) {
			return new InvalidOwnerException("no valid profile " + profilesDir.resolve(ownerId + ".yml").normalize()
					+ " (POLITELY_PROFILES_DIR names the directory)");
		}
		return new InvalidOwnerException(errors.stream().map(ProfileError::toString).collect(Collectors.joining("\n")));
	}

	/** The owner cannot be imported for: no valid profile. */
	static final class InvalidOwnerException extends Exception {

		InvalidOwnerException(String message) {
			super(message);
		}

	}

}
