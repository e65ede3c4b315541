package dev.politely.intake.owner;

import java.nio.file.Path;

/**
 * A profile file the intake cannot use; the message names the file and the key.
 */
class InvalidProfileException extends Exception {

	InvalidProfileException(Path file, String problem) {
		super("Profile " + file.getFileName() + " ignored: " + problem);
	}

}
