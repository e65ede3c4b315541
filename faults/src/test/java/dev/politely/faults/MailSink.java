package dev.politely.faults;

import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The SMTP server the notification services send to: GreenMail in the suite's JVM, on a
 * free port. Every message is recorded the moment GreenMail takes it (before it answers
 * the end of DATA), so the tally outlives a stop and restart of the server. Mailboxes are
 * purged now and then: the tally is all the suite reads.
 */
final class MailSink implements AutoCloseable {

	/** One message as received, per recipient. */
	record Mail(String messageId, String decisionId, String role, String solicitationId, String recipient,
			String outcome, String reason, Instant at) {
	}

	private static final Pattern MESSAGE_ID = Pattern.compile("<([0-9a-f-]{36})\\.([a-z]+)@politely>");

	private final int port;

	private final Queue<Mail> mails = new ConcurrentLinkedQueue<>();

	private volatile GreenMail greenMail;

	private volatile int malformed;

	private final AtomicReference<Runnable> onNextOwnerMail = new AtomicReference<>();

	MailSink(int port) {
		this.port = port;
	}

	synchronized void start() {
		if (greenMail != null) {
			return;
		}
		GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		UserManager users = server.getUserManager();
		MessageDeliveryHandler deliver = users.getMessageDeliveryHandler();
		users.setMessageDeliveryHandler((message, to) -> {
			record(message.getMessage(), to.getEmail());
			return deliver.handle(message, to);
		});
		greenMail = server;
	}

	/** The SMTP server goes away: connections are refused until {@link #start()}. */
	synchronized void stop() {
		if (greenMail != null) {
			greenMail.stop();
			greenMail = null;
		}
	}

	synchronized void purgeMailboxes() {
		if (greenMail != null) {
			try {
				greenMail.purgeEmailFromAllMailboxes();
			}
			catch (Exception e) {
				// only memory is at stake
			}
		}
	}

	/**
	 * Runs {@code action} once, inside the SMTP conversation of the next owner email:
	 * after the server has the whole message, before it answers the end of DATA. A sender
	 * killed there has sent the email without knowing it.
	 */
	void onNextOwnerMail(Runnable action) {
		onNextOwnerMail.set(action);
	}

	List<Mail> mails() {
		return List.copyOf(mails);
	}

	int size() {
		return mails.size();
	}

	int malformed() {
		return malformed;
	}

	int port() {
		return port;
	}

	private void record(MimeMessage message, String recipient) throws MessagingException {
		String messageId = message.getMessageID();
		Matcher m = messageId == null ? null : MESSAGE_ID.matcher(messageId);
		if (m == null || !m.matches()) {
			malformed++;
		}
		boolean ok = m != null && m.matches();
		mails.add(new Mail(messageId, ok ? m.group(1) : null, ok ? m.group(2) : null,
				header(message, "X-Politely-Solicitation"), recipient.toLowerCase(),
				header(message, "X-Politely-Outcome"), header(message, "X-Politely-Reason"), Instant.now()));
		if (ok && "owner".equals(m.group(2))) {
			Runnable action = onNextOwnerMail.getAndSet(null);
			if (action != null) {
				action.run();
			}
		}
	}

	private static String header(MimeMessage message, String name) throws MessagingException {
		String[] values = message.getHeader(name);
		return values == null || values.length == 0 ? null : values[0];
	}

	@Override
	public void close() {
		stop();
	}

}
