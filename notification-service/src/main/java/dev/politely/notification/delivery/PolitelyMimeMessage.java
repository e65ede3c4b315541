package dev.politely.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * A MIME message whose Message-ID is ours: {@link MimeMessage#saveChanges()} would
 * otherwise replace it with a random one, and a resend would no longer be recognisable.
 */
final class PolitelyMimeMessage extends MimeMessage {

	private final String messageId;

	PolitelyMimeMessage(Session session, String messageId) {
		super(session);
		this.messageId = messageId;
	}

	@Override
	protected void updateMessageID() throws MessagingException {
		setHeader("Message-ID", messageId);
	}

}
