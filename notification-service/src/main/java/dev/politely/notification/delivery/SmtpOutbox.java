package dev.politely.notification.delivery;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Semaphore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A few SMTP connections, kept open and reused for every message: opening one per message
 * caps a server at a few dozen messages a second, one open connection takes thousands.
 * There are at most {@code connections} of them, one per listener thread being enough: a
 * thread takes an idle connection (or opens one), sends, and gives it back. When the
 * server has dropped a connection (idle timeout, restart), the message is sent once more
 * on a fresh one; if that fails too, the server is unavailable. Thread-safe.
 */
@Component
class SmtpOutbox implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(SmtpOutbox.class);

	private final Session session;

	private final String host;

	private final int port;

	private final String username;

	private final String password;

	private final Counter connections;

	private final Semaphore permits;

	private final Deque<Transport> idle = new ArrayDeque<>();

	SmtpOutbox(Session session, String host, int port, String username, String password, int connections,
			MeterRegistry registry) {
		this.session = session;
		this.host = host;
		this.port = port;
		this.username = username;
		this.password = password;
		this.permits = new Semaphore(connections, true);
		this.connections = Counter.builder("politely.smtp.connections")
			.description("SMTP connections opened by the outbox")
			.register(registry);
	}

	/**
	 * Through the service's session; closed with the context (an {@link AutoCloseable}).
	 */
	@Autowired
	SmtpOutbox(Session smtpSession, MailProperties mail, MeterRegistry registry) {
		// no login: both null, or Jakarta Mail would try AUTH as the OS user with an
		// empty password
		this(smtpSession, mail.host(), mail.port(), mail.login() ? mail.username() : null,
				mail.login() ? mail.password() : null, mail.connections(), registry);
	}

	/**
	 * @throws RecipientRejectedException when the server refuses the recipient for good
	 * @throws SmtpUnavailableException when the server cannot be reached or refuses the
	 * message for now
	 */
	void send(Delivery delivery) {
		Transport transport = borrow();
		try {
			try {
				transport = connected(transport);
				transport.sendMessage(delivery.message(), delivery.message().getAllRecipients());
				return;
			}
			catch (MessagingException | IllegalStateException ex) {
				rejectIfPermanent(delivery, ex);
				log.info("SMTP connection unusable ({}), sending {} on a fresh one", ex.getMessage(),
						delivery.messageId());
				transport = closed(transport);
			}
			try {
				transport = connected(null);
				transport.sendMessage(delivery.message(), delivery.message().getAllRecipients());
			}
			catch (MessagingException | IllegalStateException ex) {
				rejectIfPermanent(delivery, ex);
				transport = closed(transport);
				throw new SmtpUnavailableException("SMTP server " + host + ":" + port + " unavailable", ex);
			}
		}
		finally {
			giveBack(transport);
		}
	}

	/**
	 * An idle connection, or null when a new one may be opened; waits while all of them
	 * are in use.
	 */
	private Transport borrow() {
		try {
			permits.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SmtpUnavailableException("Interrupted while waiting for an SMTP connection", ex);
		}
		synchronized (idle) {
			return idle.pollFirst();
		}
	}

	private void giveBack(Transport transport) {
		if (transport != null) {
			synchronized (idle) {
				idle.addFirst(transport);
			}
		}
		permits.release();
	}

	private Transport connected(Transport transport) throws MessagingException {
		if (transport != null) {
			return transport;
		}
		// smtp or smtps, as the session says (SmtpTls)
		Transport fresh = session.getTransport();
		fresh.connect(host, port, username, password);
		connections.increment();
		return fresh;
	}

	private static void rejectIfPermanent(Delivery delivery, Exception ex) {
		if (ex instanceof SendFailedException failed && failed.getInvalidAddresses() != null
				&& failed.getInvalidAddresses().length > 0) {
			throw new RecipientRejectedException(
					"The SMTP server refused the " + delivery.role().tag() + " of " + delivery.messageId(), ex);
		}
	}

	/** Closes a broken connection; always null, what is left of it. */
	private static Transport closed(Transport transport) {
		if (transport != null) {
			try {
				transport.close();
			}
			catch (MessagingException ex) {
				log.debug("Closing a broken SMTP connection failed", ex);
			}
		}
		return null;
	}

	/**
	 * Closes the idle connections; one in use is closed by the thread using it when it
	 * fails, or at exit.
	 */
	@Override
	public void close() {
		synchronized (idle) {
			idle.forEach(SmtpOutbox::closed);
			idle.clear();
		}
	}

}
