package dev.politely.notification.delivery;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

import dev.politely.notification.letter.Role;
import jakarta.mail.internet.MimeMessage;

/**
 * One message to one recipient: the unit that is sent, counted and, later, recorded in a delivery ledger. Its
 * Message-ID is derived from the decision and the role, so that a resend after a crash is recognisable.
 *
 * @param decisionId the decision it tells about
 * @param role the recipient's role
 * @param message the MIME message, ready to send
 */
public record Delivery(UUID decisionId, Role role, MimeMessage message) {

	public Delivery {
		requireNonNull(decisionId, "decisionId");
		requireNonNull(role, "role");
		requireNonNull(message, "message");
	}

	/** {@code <{decisionId}.{role}@politely>}, as in contract section 4. */
	public static String messageId(UUID decisionId, Role role) {
		return "<" + decisionId + "." + role.tag() + "@politely>";
	}

	public String messageId() {
		return messageId(decisionId, role);
	}

}
