package dev.politely.importer.export;

/**
 * The file is not a LinkedIn {@code Invitations.csv} (nor an export holding one): nothing
 * of it is imported.
 */
public class WrongFileException extends Exception {

	WrongFileException(String message) {
		super(message);
	}

}
