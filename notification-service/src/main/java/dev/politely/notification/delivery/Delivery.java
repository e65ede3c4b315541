package dev.politely.notification.delivery;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.politely.notification.letter.Role;
import jakarta.mail.internet.MimeMessage;

/**
 * One message to one recipient: the unit that is sent, counted and recorded in the
 * delivery ledger. Its Message-ID is derived from what it tells about (the decision and
 * the role, or the owner and the day of a digest), so that a resend after a crash is
 * recognisable.
 *
 * @param messageId the Message-ID
 * @param role the recipient's role
 * @param message the MIME message, ready to send
 */
public record Delivery(String messageId, Role role, MimeMessage message) {

	/** Owner ids are file names; anything else is left out of a Message-ID. */
	private static final Pattern NOT_ATOM = Pattern.compile("[^A-Za-z0-9._-]");

	public Delivery {
		requireNonNull(messageId, "messageId");
		requireNonNull(role, "role");
		requireNonNull(message, "message");
	}

	/** {@code <{decisionId}.{role}@politely>}, as in contract section 4. */
	public static String messageId(UUID decisionId, Role role) {
		return "<" + decisionId + "." + role.tag() + "@politely>";
	}

	/** {@code <digest.{ownerId}.{day}@politely>}: one digest per owner and day. */
	public static String digestMessageId(String ownerId, LocalDate day) {
		return "<digest." + NOT_ATOM.matcher(ownerId).replaceAll("_") + "." + day + "@politely>";
	}

}
