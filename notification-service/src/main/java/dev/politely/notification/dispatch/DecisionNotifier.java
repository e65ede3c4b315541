package dev.politely.notification.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.politely.notification.callback.CallbackJobs;
import dev.politely.notification.inbound.DecisionMade;
import dev.politely.notification.delivery.MailSender;
import dev.politely.notification.delivery.MimeLetters;
import dev.politely.notification.delivery.RecipientRejectedException;
import dev.politely.notification.delivery.UndeliverableException;
import dev.politely.notification.digest.DigestBook;
import dev.politely.notification.ledger.DeliveryLedger;
import dev.politely.notification.letter.Letter;
import dev.politely.notification.letter.LetterWriter;
import dev.politely.notification.letter.Role;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.mail.internet.AddressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Everything one decision gives, each at most once: for every recipient the ledger is
 * checked before and written after, so a redelivered or replayed decision sends nothing
 * new. The ledger entries go into the caller's {@link DeliveryLedger.Writes}, which the
 * caller waits for before committing the decision's offset. An SMTP outage throws, and
 * the decision is retried; a requester's address that is invalid or refused is logged and
 * skipped, so the owner still hears of the decision.
 */
@Component
class DecisionNotifier {

	private static final Logger log = LoggerFactory.getLogger(DecisionNotifier.class);

	private final LetterWriter writer;

	private final MimeLetters mimeLetters;

	private final MailSender mail;

	private final DeliveryLedger ledger;

	private final DigestBook digests;

	private final CallbackJobs callbacks;

	private final MeterRegistry registry;

	private final Clock clock;

	/**
	 * Meters looked up once, not for every email: a registration (tags, filters, the
	 * registry's map) costs more.
	 */
	private final Map<Role, Timer> toDelivery = new EnumMap<>(Role.class);

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

	DecisionNotifier(MimeLetters mimeLetters, MailSender mail, DeliveryLedger ledger, DigestBook digests,
			CallbackJobs callbacks, MeterRegistry registry, Clock clock) {
		// words only, no Spring in the letter package: each user makes its own
		this.writer = new LetterWriter();
		this.mimeLetters = mimeLetters;
		this.mail = mail;
		this.ledger = ledger;
		this.digests = digests;
		this.callbacks = callbacks;
		this.registry = registry;
		this.clock = clock;
		for (Role role : Role.values()) {
			toDelivery.put(role, Timer.builder("politely.decision.to.delivery")
				.description("From the decision to its delivery (email handed to the SMTP server, callback answered)")
				.tag("channel", "email")
				.tag("role", role.tag())
				.publishPercentileHistogram()
				.register(registry));
		}
	}

	/**
	 * One decision of a batch: its ledger entries are added to {@code writes}, not waited
	 * for here.
	 */
	void notify(DecisionMade decision, int partition, DeliveryLedger.Writes writes) {
		for (Letter letter : writer.write(decision)) {
			if (letter.role() == Role.OWNER && decision.isFinal()) {
				// the owner's cadence applies to decision emails only: a REVIEW always
				// goes at once
				switch (decision.owner().emails()) {
					case EACH -> deliver(decision, letter, partition, writes);
					case DAILY_DIGEST -> digest(decision, partition, writes);
					case NONE ->
						log.debug("Decision {}: the owner asked for no decision emails", decision.decisionId());
				}
			}
			else {
				deliver(decision, letter, partition, writes);
			}
		}
		if (decision.isFinal() && decision.reply().callbackUrl() != null) {
			enqueueCallback(decision, partition);
		}
	}

	private void deliver(DecisionMade decision, Letter letter, int partition, DeliveryLedger.Writes writes) {
		String key = DeliveryLedger.key(decision.decisionId(), letter.role().tag());
		if (ledger.has(key)) {
			count("email", letter.role().tag(), "skipped_duplicate");
			return;
		}
		try {
			mail.send(mimeLetters.address(decision, letter));
		}
		catch (AddressException | RecipientRejectedException ex) {
			count("email", letter.role().tag(), "failed");
			if (letter.role() == Role.OWNER) {
				throw new UndeliverableException(
						"The owner's address of decision " + decision.decisionId() + " is invalid or refused", ex);
			}
			log.warn("Reply of decision {} not sent: the requester's address is invalid or refused",
					decision.decisionId());
			return;
		}
		catch (RuntimeException ex) {
			count("email", letter.role().tag(), "failed");
			throw ex;
		}
		writes.record(partition, key, DeliveryLedger.SENT);
		count("email", letter.role().tag(), "sent");
		log.info("Sent the {} email of decision {} ({} {} for solicitation {})", letter.role().tag(),
				decision.decisionId(), decision.outcome(), decision.reason(), decision.solicitationId());
		Duration sinceDecision = Duration.between(decision.decidedAt(), clock.instant());
		toDelivery.get(letter.role()).record(sinceDecision.isNegative() ? Duration.ZERO : sinceDecision);
	}

	/**
	 * The owner's email becomes a line of their next digest; the ledger says the owner's
	 * part is done.
	 */
	private void digest(DecisionMade decision, int partition, DeliveryLedger.Writes writes) {
		String key = DeliveryLedger.key(decision.decisionId(), Role.OWNER.tag());
		if (ledger.has(key)) {
			count("email", Role.OWNER.tag(), "skipped_duplicate");
			return;
		}
		digests.add(partition, decision);
		writes.record(partition, key, DeliveryLedger.DIGESTED);
	}

	/**
	 * The callback is only queued here: it is delivered by the callback scheduler, on its
	 * own threads.
	 */
	private void enqueueCallback(DecisionMade decision, int partition) {
		if (ledger.has(DeliveryLedger.key(decision.decisionId(), "callback"))) {
			count("callback", "callback", "skipped_duplicate");
			return;
		}
		callbacks.enqueue(partition, decision, writer.reply(decision), clock.instant());
	}

	private void count(String channel, String role, String result) {
		counters
			.computeIfAbsent(channel + "/" + role + "/" + result,
					absent -> registry.counter("politely.notifications", "channel", channel, "role", role, "result",
							result))
			.increment();
	}

}
