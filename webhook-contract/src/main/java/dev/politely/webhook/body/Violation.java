package dev.politely.webhook.body;

/**
 * One reason a body was refused.
 *
 * @param field the dotted path of the field ({@code requester.email}), {@code (body)} for
 * the body as a whole
 * @param message what is wrong with it
 */
public record Violation(String field, String message) {

	public static final String BODY = "(body)";

	public static Violation ofBody(String message) {
		return new Violation(BODY, message);
	}

}
