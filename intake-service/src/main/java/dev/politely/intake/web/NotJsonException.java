package dev.politely.intake.web;

/**
 * The content type is not JSON in UTF-8.
 */
class NotJsonException extends RuntimeException {

	NotJsonException(String contentType) {
		super("The content type must be application/json (UTF-8), not "
				+ ((contentType == null) ? "absent" : "'" + contentType.replaceAll("[^\\x20-\\x7E]", "?") + "'"));
	}

}
