package dev.politely.notification.delivery;

import java.time.Clock;
import java.time.Duration;

import dev.politely.notification.decision.DecisionMade;
import dev.politely.notification.letter.Letter;
import dev.politely.notification.letter.LetterWriter;
import dev.politely.notification.letter.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.internet.AddressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the letters of one decision, one {@link Delivery} at a time. Returns only once every letter went out, so
 * the offset is committed after the emails (at least once). An SMTP outage throws, and the decision is retried;
 * a requester's address that is invalid or refused is logged and skipped, so the owner still hears of the decision.
 */
public class DecisionNotifier {

	private static final Logger log = LoggerFactory.getLogger(DecisionNotifier.class);

	private final LetterWriter writer;

	private final MimeLetters mimeLetters;

	private final SmtpOutbox outbox;

	private final MeterRegistry registry;

	private final Clock clock;

	public DecisionNotifier(LetterWriter writer, MimeLetters mimeLetters, SmtpOutbox outbox, MeterRegistry registry,
			Clock clock) {
		this.writer = writer;
		this.mimeLetters = mimeLetters;
		this.outbox = outbox;
		this.registry = registry;
		this.clock = clock;
	}

	public void notify(DecisionMade decision) {
		for (Letter letter : writer.write(decision)) {
			deliver(decision, letter);
		}
	}

	private void deliver(DecisionMade decision, Letter letter) {
		try {
			outbox.send(mimeLetters.address(decision, letter));
		}
		catch (AddressException | RecipientRejectedException ex) {
			count(letter.role(), "failed");
			if (letter.role() == Role.OWNER) {
				throw new UndeliverableException("The owner's address of decision " + decision.decisionId()
						+ " is invalid or refused", ex);
			}
			log.warn("Reply of decision {} not sent: the requester's address is invalid or refused",
					decision.decisionId());
			return;
		}
		catch (RuntimeException ex) {
			count(letter.role(), "failed");
			throw ex;
		}
		count(letter.role(), "sent");
		Duration sinceDecision = Duration.between(decision.decidedAt(), clock.instant());
		Timer.builder("politely.decision.to.delivery")
			.description("From the decision to the email handed to the SMTP server")
			.tag("channel", "email")
			.tag("role", letter.role().tag())
			.publishPercentileHistogram()
			.register(registry)
			.record(sinceDecision.isNegative() ? Duration.ZERO : sinceDecision);
	}

	private void count(Role role, String result) {
		registry.counter("politely.notifications", "channel", "email", "role", role.tag(), "result", result)
			.increment();
	}

}
