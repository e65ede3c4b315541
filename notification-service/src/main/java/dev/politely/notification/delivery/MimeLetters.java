package dev.politely.notification.delivery;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Date;

import dev.politely.notification.inbound.DecisionMade;
import dev.politely.notification.letter.Letter;
import dev.politely.notification.letter.Role;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

/**
 * Turns a letter into a MIME message: multipart/alternative (text, then HTML), the
 * contract's {@code X-Politely-*} headers (the rule and the reason on the owner's only)
 * and our Message-ID. Addresses are built from their parts, never by concatenating
 * strings, and every user-supplied text that reaches a header goes through
 * {@link HeaderText}.
 */
public class MimeLetters {

	private static final String UTF_8 = StandardCharsets.UTF_8.name();

	private final Session session;

	private final String fromAddress;

	private final Clock clock;

	public MimeLetters(Session session, String fromAddress, Clock clock) {
		this.session = session;
		this.fromAddress = fromAddress;
		this.clock = clock;
	}

	/**
	 * @throws AddressException when the recipient's address is not a plain, valid address
	 */
	public Delivery address(DecisionMade decision, Letter letter) throws AddressException {
		return address(Delivery.messageId(decision.decisionId(), letter.role()), letter, message -> {
			message.setHeader("X-Politely-Solicitation", decision.solicitationId().toString());
			message.setHeader("X-Politely-Outcome", decision.outcome().name());
			// the owner's mail rules read them; a requester never learns why, even from
			// the raw message (contract section 4)
			if (letter.role() == Role.OWNER) {
				message.setHeader("X-Politely-Rule", decision.rule().name());
				message.setHeader("X-Politely-Reason", decision.reason());
			}
		});
	}

	/**
	 * The owner's digest of a day: the per-decision headers would not fit one message of
	 * many decisions, so it carries {@code X-Politely-Digest: <day>} instead.
	 * @throws AddressException when the owner's address is not a plain, valid address
	 */
	public Delivery digest(String ownerId, LocalDate day, Letter letter) throws AddressException {
		return address(Delivery.digestMessageId(ownerId, day), letter,
				message -> message.setHeader("X-Politely-Digest", day.toString()));
	}

	private Delivery address(String messageId, Letter letter, Headers headers) throws AddressException {
		InternetAddress recipient = address(letter.recipientEmail(), letter.recipientName());
		PolitelyMimeMessage message = new PolitelyMimeMessage(session, messageId);
		try {
			message.setFrom(address(fromAddress, letter.senderName()));
			message.setRecipient(Message.RecipientType.TO, recipient);
			message.setSubject(HeaderText.clean(letter.subject()), UTF_8);
			message.setSentDate(Date.from(clock.instant()));
			headers.set(message);
			// RFC 3834: tells auto-responders not to answer back, which would loop
			message.setHeader("Auto-Submitted", letter.role() == Role.REQUESTER ? "auto-replied" : "auto-generated");
			message.setContent(alternative(letter));
			message.saveChanges();
			return new Delivery(messageId, letter.role(), message);
		}
		catch (AddressException ex) {
			throw new IllegalStateException("The configured sender address is not valid", ex);
		}
		catch (MessagingException ex) {
			throw new IllegalStateException("Could not build the email " + messageId, ex);
		}
	}

	private interface Headers {

		void set(MimeMessage message) throws MessagingException;

	}

	private static MimeMultipart alternative(Letter letter) throws MessagingException {
		MimeBodyPart text = new MimeBodyPart();
		text.setText(letter.text(), UTF_8, "plain");
		MimeBodyPart html = new MimeBodyPart();
		html.setText(letter.html(), UTF_8, "html");
		// least faithful first: clients show the last part they can render
		return new MimeMultipart("alternative", text, html);
	}

	private static InternetAddress address(String email, String personalName) throws AddressException {
		try {
			InternetAddress address = new InternetAddress(email.strip(), HeaderText.clean(personalName), UTF_8);
			address.validate();
			return address;
		}
		catch (UnsupportedEncodingException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
