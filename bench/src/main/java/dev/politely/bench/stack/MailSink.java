package dev.politely.bench.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The SMTP sink of the run: GreenMail in the bench's JVM, on a free port, shared by the
 * notification service and the raw Jakarta Mail baseline. Every message is timed the
 * moment GreenMail takes it (before it answers the end of DATA), which is what "accepted
 * by SMTP" means here. Mailboxes are purged every second: only the timings are kept.
 */
public final class MailSink implements AutoCloseable {

	private final int port;

	private final GreenMail greenMail;

	private final AtomicLong count = new AtomicLong();

	private final AtomicLong duplicates = new AtomicLong();

	private final Map<String, Long> ownerMailAt = new ConcurrentHashMap<>();

	private final ScheduledExecutorService purger = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "mail-purge");
		t.setDaemon(true);
		return t;
	});

	private final AtomicInteger samplesLeft = new AtomicInteger();

	private volatile Path sampleDir;

	private long[] times = new long[1 << 16];

	private int size;

	public MailSink() {
		this.port = Ports.free();
		this.greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
	}

	public MailSink start() {
		greenMail.start();
		UserManager users = greenMail.getUserManager();
		MessageDeliveryHandler deliver = users.getMessageDeliveryHandler();
		users.setMessageDeliveryHandler((message, to) -> {
			record(message.getMessage());
			return deliver.handle(message, to);
		});
		purger.scheduleWithFixedDelay(this::purge, 1, 1, TimeUnit.SECONDS);
		return this;
	}

	public int port() {
		return port;
	}

	/**
	 * Writes the next {@code n} messages received, as they arrived, to {@code dir} (the
	 * raw baseline resends them).
	 */
	public void captureSamples(Path dir, int n) throws IOException {
		this.sampleDir = Files.createDirectories(dir);
		samplesLeft.set(n);
	}

	public long count() {
		return count.get();
	}

	/**
	 * Forgets the owner emails seen so far (the baseline resends some): the end-to-end
	 * stage starts afresh.
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

	private void record(MimeMessage message) throws MessagingException {
		long now = System.nanoTime();
		synchronized (this) {
			if (size == times.length) {
				times = Arrays.copyOf(times, size * 2);
			}
			times[size++] = now;
		}
		count.incrementAndGet();
		String messageId = message.getMessageID();
		String[] solicitation = message.getHeader("X-Politely-Solicitation");
		if (messageId != null && messageId.endsWith(".owner@politely>") && solicitation != null) {
			if (ownerMailAt.putIfAbsent(solicitation[0], now) != null) {
				duplicates.incrementAndGet();
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

	private void purge() {
		try {
			greenMail.purgeEmailFromAllMailboxes();
		}
		catch (Exception e) {
			// only memory is at stake
		}
	}

	@Override
	public void close() {
		purger.shutdownNow();
		greenMail.stop();
	}

}
