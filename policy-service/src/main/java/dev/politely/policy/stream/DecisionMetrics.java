package dev.politely.policy.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.politely.policy.decision.Decision;
import dev.politely.policy.decision.OwnerCounters;
import dev.politely.policy.decision.Outcome;
import dev.politely.policy.decision.Periods;
import dev.politely.policy.decision.Reason;
import dev.politely.profile.Profile;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What the policy service tells the dashboards: decisions by outcome, rule and reason;
 * advice minutes given; this week's remaining budget and this month's unknown contacts,
 * per owner; and the time from the intake's receipt to the decision.
 *
 * <p>
 * Owner ids are tags (an installation has few owners); requester data never is. Under
 * exactly-once processing a record can be processed again after a crash, so these figures
 * are observations, not accounts: the accounts are the state stores.
 */
final class DecisionMetrics {

	private final MeterRegistry registry;

	private final Clock clock;

	private final Map<String, AtomicInteger> budgetRemaining = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> unknownThisMonth = new ConcurrentHashMap<>();

	private final Map<String, AtomicInteger> unknownCap = new ConcurrentHashMap<>();

	// The meters, registered once per tag combination: a builder and a registry lookup
	// for every
	// decision were most of what the metrics cost.
	private final Map<DecisionTags, Counter> decisions = new ConcurrentHashMap<>();

	private final Map<String, Counter> adviceMinutes = new ConcurrentHashMap<>();

	private volatile Timer receiptToDecision;

	private final AtomicLong parkedNow = new AtomicLong();

	private final Counter parked;

	private final Map<String, Counter> deadLetters = new ConcurrentHashMap<>();

	private final Map<String, Counter> verdictsIgnored = new ConcurrentHashMap<>();

	private final Map<String, Counter> expired = new ConcurrentHashMap<>();

	DecisionMetrics(MeterRegistry registry, Clock clock) {
		this.registry = registry;
		this.clock = clock;
		Gauge.builder("politely.solicitations.waiting", parkedNow, AtomicLong::get)
			.description("solicitations parked until their owner's profile is valid")
			.register(registry);
		this.parked = Counter.builder("politely.solicitations.parked")
			.description("solicitations parked because their owner had no valid profile")
			.register(registry);
		for (String reason : VerdictIgnored.REASONS) {
			verdictIgnored(reason);
		}
	}

	/**
	 * Registers at zero what alerts watch with {@code increase()}, which sees nothing of
	 * the first increment of a series that did not exist: the dead-letter counter, and
	 * the decisions of every known owner for every reason and outcome.
	 */
	void registerAtZero(Collection<String> owners, String deadLetterTopic) {
		deadLetter(deadLetterTopic);
		for (String owner : owners) {
			for (Reason reason : Reason.values()) {
				for (Outcome outcome : Outcome.values()) {
					decisionCounter(new DecisionTags(owner, outcome.name(), reason.rule().name(), reason.name()));
				}
			}
		}
	}

	void decided(DecisionMade event, Decision decision, Profile profile, OwnerCounters after) {
		decisionCounter(new DecisionTags(event.ownerId(), event.outcome(), event.rule(), event.reason())).increment();
		if (decision.consumption().adviceMinutes() > 0) {
			adviceMinutes
				.computeIfAbsent(event.ownerId(),
						owner -> Counter.builder("politely.advice.minutes.given")
							.baseUnit("minutes")
							.tag("owner", owner)
							.register(registry))
				.increment(decision.consumption().adviceMinutes());
		}
		if (event.solicitation().acceptedAt() != null) {
			receiptToDecision().record(Duration.between(event.solicitation().acceptedAt(), event.decidedAt()).abs());
		}
		ZoneId zone = profile.timezone();
		var received = event.solicitation().receivedAt();
		var now = clock.instant();
		// the gauges show the current week and month: a late solicitation for a past
		// period leaves them alone
		if (Periods.isoWeek(received, zone).equals(Periods.isoWeek(now, zone))) {
			gauge(budgetRemaining, "politely.advice.budget.remaining", event.ownerId())
				.set(profile.advice().weeklyBudgetMinutes() - after.adviceMinutesThisWeek());
		}
		if (Periods.month(received, zone).equals(Periods.month(now, zone))) {
			gauge(unknownThisMonth, "politely.unknown.contacts.accepted", event.ownerId())
				.set(after.unknownAcceptedThisMonth());
		}
		gauge(unknownCap, "politely.unknown.contacts.cap", event.ownerId())
			.set(profile.connections().maxUnknownPerMonth());
	}

	private Counter decisionCounter(DecisionTags key) {
		return decisions.computeIfAbsent(key,
				tags -> Counter.builder("politely.decisions")
					.description("decisions by outcome, rule and reason")
					.tag("owner", tags.owner())
					.tag("outcome", tags.outcome())
					.tag("rule", tags.rule())
					.tag("reason", tags.reason())
					.register(registry));
	}

	Counter deadLetter(String topic) {
		return oneTag(deadLetters, "politely.dead.letters", "records sent to a dead-letter topic", "topic", topic);
	}

	Counter verdictIgnored(String reason) {
		return oneTag(verdictsIgnored, "politely.verdicts.ignored",
				"verdicts that changed nothing: no pending review, or not this review's owner or id", "reason", reason);
	}

	Counter expired(String store) {
		return oneTag(expired, "politely.state.expired", "entries purged from a state store after the retention",
				"store", store);
	}

	/** A counter with one tag, registered once per value and kept in {@code cache}. */
	private Counter oneTag(Map<String, Counter> cache, String name, String description, String tag, String value) {
		return cache.computeIfAbsent(value,
				(v) -> Counter.builder(name).description(description).tag(tag, v).register(registry));
	}

	void parked() {
		parked.increment();
	}

	/** Parked solicitations held by this instance's tasks, adjusted as they change. */
	AtomicLong parkedNow() {
		return parkedNow;
	}

	/** Why a verdict changed nothing. */
	static final class VerdictIgnored {

		static final String NO_PENDING_REVIEW = "no-pending-review";

		static final String OWNER_MISMATCH = "owner-mismatch";

		static final String REVIEW_MISMATCH = "review-mismatch";

		static final String[] REASONS = { NO_PENDING_REVIEW, OWNER_MISMATCH, REVIEW_MISMATCH };

		private VerdictIgnored() {
		}

	}

	/**
	 * Registered with the first decision that has a receipt time, as before the meters
	 * were kept.
	 */
	private Timer receiptToDecision() {
		Timer timer = receiptToDecision;
		if (timer == null) {
			// two threads may both get here: registering twice returns the same timer
			timer = Timer.builder("politely.receipt.to.decision")
				.description("from the intake's 202 to the decision")
				.publishPercentileHistogram()
				.register(registry);
			receiptToDecision = timer;
		}
		return timer;
	}

	private AtomicInteger gauge(Map<String, AtomicInteger> gauges, String name, String owner) {
		return gauges.computeIfAbsent(owner, o -> {
			AtomicInteger value = new AtomicInteger();
			Gauge.builder(name, value, AtomicInteger::get).tag("owner", o).register(registry);
			return value;
		});
	}

	private record DecisionTags(String owner, String outcome, String rule, String reason) {
	}

}
