package dev.politely.profile;

/**
 * One reason a profile file was refused, e.g.
 * {@code alice.yml: advice.weeklyBudgetMinutes: must be an integer >= 0, got "lots"}.
 *
 * @param file the file name, e.g. {@code alice.yml}
 * @param path the key path inside the file, e.g. {@code contacts[0].since}; null when the
 * whole file is at fault
 * @param message what is wrong, for a person editing the file
 */
public record ProfileError(String file, String path, String message) {

	@Override
	public String toString() {
		return path == null ? file + ": " + message : file + ": " + path + ": " + message;
	}
}
