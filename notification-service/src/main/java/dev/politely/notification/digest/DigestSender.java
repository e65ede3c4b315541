package dev.politely.notification.digest;

import java.time.Clock;

import dev.politely.notification.delivery.Delivery;
import dev.politely.notification.delivery.MailSender;
import dev.politely.notification.delivery.MimeLetters;
import dev.politely.notification.ledger.DeliveryLedger;
import dev.politely.notification.letter.Letter;
import dev.politely.notification.letter.LetterWriter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks every {@code checkInterval} for digests whose time has come, and sends each once:
 * the ledger is checked before, written after, and only then are the lines removed from
 * the table. A digest that cannot be sent (SMTP down) stays pending and is tried at the
 * next check, on Spring's task scheduler.
 */
@Component
class DigestSender {

	private static final Logger log = LoggerFactory.getLogger(DigestSender.class);

	private final DigestBook book;

	private final LetterWriter writer;

	private final MimeLetters mimeLetters;

	private final MailSender mail;

	private final DeliveryLedger ledger;

	private final MeterRegistry registry;

	private final Clock clock;

	DigestSender(DigestBook book, MimeLetters mimeLetters, MailSender mail, DeliveryLedger ledger,
			MeterRegistry registry, Clock clock) {
		this.book = book;
		// words only, no Spring in the letter package: each user makes its own
		this.writer = new LetterWriter();
		this.mimeLetters = mimeLetters;
		this.mail = mail;
		this.ledger = ledger;
		this.registry = registry;
		this.clock = clock;
		registry.gauge("politely.digest.pending", book, DigestBook::size);
	}

	@Scheduled(initialDelayString = "${politely.digest.check-interval:30s}",
			fixedDelayString = "${politely.digest.check-interval:30s}")
	void sendDue() {
		for (DigestBook.Batch batch : book.due(clock.instant())) {
			try {
				send(batch);
			}
			catch (RuntimeException ex) {
				registry.counter("politely.notifications", "channel", "email", "role", "digest", "result", "failed")
					.increment();
				log.warn("Digest of {} for {} not sent yet: {}", batch.ownerId(), batch.day(), ex.getMessage());
			}
		}
	}

	private void send(DigestBook.Batch batch) {
		String key = DeliveryLedger.digestKey(batch.ownerId(), batch.day());
		if (ledger.has(key)) {
			registry
				.counter("politely.notifications", "channel", "email", "role", "digest", "result", "skipped_duplicate")
				.increment();
		}
		else {
			Letter letter = writer.digest(batch.owner(), batch.day(),
					batch.lines().stream().map(PendingDigestLine::line).toList());
			Delivery delivery;
			try {
				delivery = mimeLetters.digest(batch.ownerId(), batch.day(), letter);
			}
			catch (jakarta.mail.internet.AddressException ex) {
				throw new IllegalStateException("The owner's address is invalid", ex);
			}
			mail.send(delivery);
			ledger.record(batch.partition(), key, DeliveryLedger.SENT);
			registry.counter("politely.notifications", "channel", "email", "role", "digest", "result", "sent")
				.increment();
			log.info("Digest of {} for {} sent: {} decision(s)", batch.ownerId(), batch.day(), batch.lines().size());
		}
		book.sent(batch);
	}

}
