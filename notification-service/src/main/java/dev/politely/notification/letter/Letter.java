package dev.politely.notification.letter;

import static java.util.Objects.requireNonNull;

/**
 * One email, written but not yet addressed as MIME: the words and who they are for. Names
 * and subject are plain text as the templates wrote them; whoever puts them into headers
 * keeps control characters out.
 *
 * @param role the recipient's role
 * @param recipientEmail the recipient's address
 * @param recipientName the recipient's name
 * @param senderName the name shown as sender
 * @param subject the subject
 * @param text the text body
 * @param html the HTML body
 */
public record Letter(Role role, String recipientEmail, String recipientName, String senderName, String subject,
		String text, String html) {

	public Letter {
		requireNonNull(role, "role");
		requireNonNull(recipientEmail, "recipientEmail");
		requireNonNull(recipientName, "recipientName");
		requireNonNull(senderName, "senderName");
		requireNonNull(subject, "subject");
		requireNonNull(text, "text");
		requireNonNull(html, "html");
	}
}
