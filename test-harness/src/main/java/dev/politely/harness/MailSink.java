package dev.politely.harness;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
 * The SMTP server the notification services (and the bench's raw baseline) send to:
 * GreenMail in this JVM, on a free port. Every message is recorded the moment GreenMail
 * takes it (before it answers the end of DATA), which is what "accepted by SMTP" means
 * here, so the tally outlives a stop and restart of the server. Mailboxes are purged
 * every second: the tally is all anyone reads.
 */
public final class MailSink implements AutoCloseable {

	/** One message as received, per recipient. */
	public record Mail(String messageId, String decisionId, String role, String solicitationId, String recipient,
			String outcome, String reason, Instant at) {
	}

	private static final Pattern MESSAGE_ID = Pattern.compile("<([0-9a-f-]{36})\\.([a-z]+)@politely>");

	private final int port;

	private final Queue<Mail> mails = new ConcurrentLinkedQueue<>();

	private final AtomicLong count = new AtomicLong();

	private final AtomicLong duplicates = new AtomicLong();

	private final AtomicInteger malformed = new AtomicInteger();

	private final Map<String, Long> ownerMailAt = new ConcurrentHashMap<>();

	private final AtomicReference<Runnable> onNextOwnerMail = new AtomicReference<>();

	private final AtomicInteger samplesLeft = new AtomicInteger();

	private final ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "mail-purge");
		t.setDaemon(true);
		return t;
	});

	private volatile GreenMail greenMail;

	private volatile Path sampleDir;

	private long[] times = new long[1 << 16];

	private int size;

	public MailSink() {
		this(Ports.free());
	}

	public MailSink(int port) {
		this.port = port;
		purger.scheduleWithFixedDelay(this::purgeMailboxes, 1, 1, TimeUnit.SECONDS);
	}

	/** Starts the server, or starts it again after {@link #stop()}, on the same port. */
	public synchronized MailSink start() {
		if (greenMail != null) {
			return this;
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
		return this;
	}

	/** The SMTP server goes away: connections are refused until {@link #start()}. */
	public synchronized void stop() {
		if (greenMail != null) {
			greenMail.stop();
			greenMail = null;
		}
	}

	public synchronized void purgeMailboxes() {
		if (greenMail != null) {
			try {
				greenMail.purgeEmailFromAllMailboxes();
			}
			catch (Exception e) {
				// only memory is at stake
			}
		}
	}

	public int port() {
		return port;
	}

	/**
	 * Runs {@code action} once, inside the SMTP conversation of the next owner email:
	 * after the server has the whole message, before it answers the end of DATA. A sender
	 * killed there has sent the email without knowing it.
	 */
	public void onNextOwnerMail(Runnable action) {
		onNextOwnerMail.set(action);
	}

	/**
	 * Writes the next {@code n} messages received, as they arrived, to {@code dir} (the
	 * bench's raw baseline resends them).
	 */
	public void captureSamples(Path dir, int n) throws IOException {
		this.sampleDir = Files.createDirectories(dir);
		samplesLeft.set(n);
	}

	/** Every message received so far, one per recipient. */
	public List<Mail> mails() {
		return List.copyOf(mails);
	}

	public int size() {
		return mails.size();
	}

	public long count() {
		return count.get();
	}

	/** Messages whose Message-ID is not Politely's {@code <decisionId.role@politely>}. */
	public int malformed() {
		return malformed.get();
	}

	/**
	 * Forgets the owner emails seen so far (the bench's baseline resends some): a stage
	 * starts afresh.
	 */
	public void resetOwnerMails() {
		ownerMailAt.clear();
		duplicates.set(0);
	}

	public long duplicateOwnerMails() {
		return duplicates.get();
	}

	/**
	 * When the first owner email about a solicitation was accepted, in
	 * {@link System#nanoTime()}, or null.
	 */
	public Long ownerMailAt(String solicitationId) {
		return ownerMailAt.get(solicitationId);
	}

	/**
	 * Arrival times ({@link System#nanoTime()}) of messages {@code from} (inclusive) to
	 * {@code to} (exclusive).
	 */
	public synchronized long[] arrivals(long from, long to) {
		int a = (int) Math.max(0, Math.min(from, size));
		int b = (int) Math.max(a, Math.min(to, size));
		return Arrays.copyOfRange(times, a, b);
	}

	private void record(MimeMessage message, String recipient) throws MessagingException {
		long now = System.nanoTime();
		synchronized (this) {
			if (size == times.length) {
				times = Arrays.copyOf(times, size * 2);
			}
			times[size++] = now;
		}
		count.incrementAndGet();
		String messageId = message.getMessageID();
		Matcher m = messageId == null ? null : MESSAGE_ID.matcher(messageId);
		boolean ok = m != null && m.matches();
		if (!ok) {
			malformed.incrementAndGet();
		}
		String solicitationId = header(message, "X-Politely-Solicitation");
		mails.add(new Mail(messageId, ok ? m.group(1) : null, ok ? m.group(2) : null, solicitationId,
				recipient.toLowerCase(), header(message, "X-Politely-Outcome"), header(message, "X-Politely-Reason"),
				Instant.now()));
		if (ok && "owner".equals(m.group(2))) {
			if (solicitationId != null && ownerMailAt.putIfAbsent(solicitationId, now) != null) {
				duplicates.incrementAndGet();
			}
			Runnable action = onNextOwnerMail.getAndSet(null);
			if (action != null) {
				action.run();
			}
		}
		if (sampleDir != null && samplesLeft.getAndDecrement() > 0) {
			try (OutputStream out = Files.newOutputStream(sampleDir.resolve("mail-" + count.get() + ".eml"))) {
				message.writeTo(out);
			}
			catch (IOException e) {
				throw new MessagingException("cannot keep a sample", e);
			}
		}
	}

	private static String header(MimeMessage message, String name) throws MessagingException {
		String[] values = message.getHeader(name);
		return values == null || values.length == 0 ? null : values[0];
	}

	@Override
	public void close() {
		purger.shutdownNow();
		stop();
	}

}
