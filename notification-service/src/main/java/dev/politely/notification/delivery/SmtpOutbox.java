package dev.politely.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SMTP connection, kept open and reused for every message: opening one per message caps a server at a few
 * dozen messages a second, one open connection takes thousands. When the server has dropped it (idle timeout,
 * restart), the message is sent once more on a fresh connection; if that fails too, the server is unavailable.
 * Thread-safe: one message at a time goes through the connection.
 */
public class SmtpOutbox implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SmtpOutbox.class);

	private final Session session;

	private final String host;

	private final int port;

	private final String username;

	private final String password;

	private final Counter connections;

	private Transport transport;

	public SmtpOutbox(Session session, String host, int port, String username, String password,
			MeterRegistry registry) {
		this.session = session;
		this.host = host;
		this.port = port;
		this.username = username;
		this.password = password;
		this.connections = Counter.builder("politely.smtp.connections")
			.description("SMTP connections opened by the outbox")
			.register(registry);
	}

	/**
	 * @throws RecipientRejectedException when the server refuses the recipient for good
	 * @throws SmtpUnavailableException when the server cannot be reached or refuses the message for now
	 */
	public synchronized void send(Delivery delivery) {
		try {
			sendOnce(delivery.message());
			return;
		}
		catch (MessagingException | IllegalStateException ex) {
			rejectIfPermanent(delivery, ex);
			log.info("SMTP connection unusable ({}), sending {} on a fresh one", ex.getMessage(),
					delivery.messageId());
			disconnect();
		}
		try {
			sendOnce(delivery.message());
		}
		catch (MessagingException | IllegalStateException ex) {
			rejectIfPermanent(delivery, ex);
			disconnect();
			throw new SmtpUnavailableException("SMTP server " + host + ":" + port + " unavailable", ex);
		}
	}

	private void sendOnce(MimeMessage message) throws MessagingException {
		if (transport == null) {
			Transport fresh = session.getTransport("smtp");
			fresh.connect(host, port, username, password);
			connections.increment();
			transport = fresh;
		}
		transport.sendMessage(message, message.getAllRecipients());
	}

	private static void rejectIfPermanent(Delivery delivery, Exception ex) {
		if (ex instanceof SendFailedException failed && failed.getInvalidAddresses() != null
				&& failed.getInvalidAddresses().length > 0) {
			throw new RecipientRejectedException(
					"The SMTP server refused the " + delivery.role().tag() + " of " + delivery.messageId(),
					ex);
		}
	}

	private void disconnect() {
		if (transport != null) {
			try {
				transport.close();
			}
			catch (MessagingException ex) {
				log.debug("Closing a broken SMTP connection failed", ex);
			}
			transport = null;
		}
	}

	@Override
	public synchronized void close() {
		disconnect();
	}

}
