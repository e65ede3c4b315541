package dev.politely.policy.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.politely.policy.config.PolicyProperties;
import dev.politely.policy.decision.Decision;
import dev.politely.policy.decision.DecisionProcedure;
import dev.politely.policy.decision.Outcome;
import dev.politely.policy.decision.Verdict;
import dev.politely.profile.Profile;
import dev.politely.profile.ProfileDirectory;
import dev.politely.policy.stream.DecisionMetrics.VerdictIgnored;
import dev.politely.policy.stream.EventCodec.InvalidEvent;
import dev.politely.policy.stream.PolicyTopology.Routed;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides each solicitation once, and each REVIEW once more when its owner's verdict
 * arrives.
 *
 * <p>
 * Runs under exactly_once_v2: the store updates, the decision written and the input
 * offset commit together or not at all, so a crash or a rebalance replays the record
 * against the stores as they were before it, and a redelivered solicitation finds itself
 * in {@code decided}.
 *
 * <p>
 * No record stops the stream: whatever one record throws (bad JSON, a missing field, a
 * bug in the core) sends that record to the dead-letter topic with the reason, and the
 * next record is processed. Only Kafka's own failures (a fenced producer, a migrated
 * task) are left to Kafka Streams, which aborts the transaction and recovers. A
 * solicitation for an owner without a usable profile is not a failure: it is parked and
 * decided, in its owner's order, once the profile is valid.
 */
final class DecisionProcessor implements Processor<String, String, String, Routed> {

	private static final Logger log = LoggerFactory.getLogger(DecisionProcessor.class);

	private final PolicyProperties.Topics topics;

	private final PolicyProperties.State settings;

	private final ProfileDirectory profiles;

	private final EventCodec codec;

	private final VerdictLinks links;

	private final Clock clock;

	private final DecisionMetrics metrics;

	private final StreamTracing tracing;

	private ProcessorContext<String, Routed> context;

	private KeyValueStore<String, String> decided;

	private OwnerTally tally;

	private KeyValueStore<String, String> pending;

	private ParkedSolicitations parked;

	private StatePurge purge;

	DecisionProcessor(PolicyProperties.Topics topics, PolicyProperties.State settings, ProfileDirectory profiles,
			EventCodec codec, VerdictLinks links, Clock clock, DecisionMetrics metrics, StreamTracing tracing) {
		this.topics = topics;
		this.settings = settings;
		this.metrics = metrics;
		this.tracing = tracing;
		this.profiles = profiles;
		this.codec = codec;
		this.links = links;
		this.clock = clock;
	}

	@Override
	public void init(ProcessorContext<String, Routed> context) {
		this.context = context;
		this.decided = context.getStateStore(SolicitationState.STORE);
		this.tally = new OwnerTally(context.getStateStore(PolicyTopology.COUNTERS));
		this.pending = context.getStateStore(PolicyTopology.PENDING);
		this.parked = new ParkedSolicitations(context.getStateStore(ParkedSolicitations.STORE), metrics.parkedNow(),
				settings.parkedRetry(), settings.parkedRetryMax());
		this.purge = new StatePurge(decided, pending, parked, settings.retention(), settings.purgeBatch(), metrics);
		context.schedule(settings.parkedRetry(), PunctuationType.WALL_CLOCK_TIME, at -> resumeDue());
		context.schedule(settings.purgeEvery(), PunctuationType.WALL_CLOCK_TIME, at -> {
			metrics.registerAtZero(profiles.owners(), topics.deadLetters());
			purge.run(clock.instant());
		});
	}

	@Override
	public void close() {
		if (parked != null) {
			parked.close();
		}
	}

	@Override
	public void process(Record<String, String> record) {
		String topic = context.recordMetadata().map(m -> m.topic()).orElse(topics.solicitations());
		long offset = context.recordMetadata().map(m -> m.offset()).orElse(-1L);
		Span span = tracing.start(record.headers(), "policy decide");
		// The span is made current (which puts its trace id in the MDC of log lines) only
		// when this processor's DEBUG lines are written: otherwise nothing reads it.
		try (Tracer.SpanInScope scope = log.isDebugEnabled() ? tracing.inScope(span) : null) {
			if (topic.equals(topics.verdicts())) {
				onVerdict(codec.read(record.value(), VerdictRecorded.class), span);
			}
			else {
				onSolicitation(codec.read(record.value(), SolicitationReceived.class), record.value(), offset, span);
			}
		}
		catch (KafkaException kafka) {
			throw kafka;
		}
		catch (RuntimeException e) {
			String source = context.recordMetadata()
				.map(m -> m.topic() + "-" + m.partition() + "@" + m.offset())
				.orElse(topic);
			deadLetter(record.key(), record.value(), record.headers(), record.timestamp(), e, source);
		}
		finally {
			span.end();
		}
	}

	private void onSolicitation(SolicitationReceived event, String json, long offset, Span span) {
		requireIds(event.solicitationId(), event.ownerId());
		if (decided.get(event.solicitationId()) != null) {
			log.debug("solicitation {} already received; redelivery ignored", event.solicitationId());
			return;
		}
		Optional<Profile> profile = profiles.find(event.ownerId());
		if (profile.isEmpty()) {
			Events.toSolicitation(event); // what can never be decided goes to the DLT now
			park(event, json, offset);
			return;
		}
		if (parked.any(event.ownerId())) {
			resume(event.ownerId(), profile.get());
		}
		decide(event, json, profile.get(), span);
	}

	private void decide(SolicitationReceived event, String json, Profile profile, Span span) {
		var solicitation = Events.toSolicitation(event);
		var counters = tally.counters(event.ownerId(), solicitation.receivedAt(), profile.timezone());
		Decision decision = DecisionProcedure.decide(solicitation, profile, counters);
		String decisionId = decisionId(event.solicitationId(), "initial");
		Instant now = clock.instant();
		DecisionMade.Review review = decision.outcome() == Outcome.REVIEW
				? links.create(profile, event.solicitationId(), decisionId, now) : null;
		DecisionMade made = Events.decisionMade(decisionId, event, decision, profile, now, review);
		String out = codec.write(made);
		// everything that can fail is done: from here the stores change only with a
		// decision that is sent
		if (review != null) {
			pending.put(pendingKey(event.ownerId(), event.solicitationId()), json);
		}
		tally.consume(event.ownerId(), solicitation.receivedAt(), profile.timezone(), decision.consumption());
		decided.put(event.solicitationId(), SolicitationState.of(made, now).write());
		emit(made, out, decision, profile, span);
	}

	private void park(SolicitationReceived event, String json, long offset) {
		Instant now = clock.instant();
		parked.park(event.ownerId(), offset, event.solicitationId(), json, now);
		decided.put(event.solicitationId(), SolicitationState.received(event.ownerId(), now).write());
		metrics.parked();
		log.info("solicitation {} parked: owner {} has no valid profile now; it is decided once there is one",
				event.solicitationId(), event.ownerId());
	}

	/** Wall-clock punctuation: the owners whose parked solicitations may go on now. */
	private void resumeDue() {
		if (parked.isEmpty()) {
			return;
		}
		Instant now = clock.instant();
		for (String owner : parked.ownersDue(now)) {
			Optional<Profile> profile = profiles.find(owner);
			if (profile.isPresent()) {
				resume(owner, profile.get());
			}
			else {
				parked.notYet(owner, now);
			}
		}
	}

	/** Decides the owner's parked solicitations, oldest first. */
	private void resume(String owner, Profile profile) {
		List<KeyValue<String, String>> waiting = parked.of(owner);
		for (KeyValue<String, String> entry : waiting) {
			Span span = tracing.start(new RecordHeaders(), "policy decide parked");
			try {
				decide(codec.read(entry.value, SolicitationReceived.class), entry.value, profile, span);
			}
			catch (KafkaException kafka) {
				throw kafka;
			}
			catch (RuntimeException e) {
				deadLetter(owner, entry.value, new RecordHeaders(), clock.millis(), e,
						ParkedSolicitations.STORE + "/" + entry.key);
			}
			finally {
				span.end();
			}
			parked.remove(entry.key);
		}
		parked.resumed(owner);
		log.info("owner {} has a valid profile: {} parked solicitation(s) decided", owner, waiting.size());
	}

	private void onVerdict(VerdictRecorded verdict, Span span) {
		requireIds(verdict.solicitationId(), verdict.ownerId());
		String key = pendingKey(verdict.ownerId(), verdict.solicitationId());
		String json = pending.get(key);
		if (json == null && pending.get(verdict.solicitationId()) != null) {
			// a review stored before the reviews were keyed by owner
			key = verdict.solicitationId();
			json = pending.get(key);
		}
		if (json == null) {
			SolicitationState state = SolicitationState.read(decided.get(verdict.solicitationId()));
			boolean otherOwner = state != null && state.ownerId() != null && !state.ownerId().equals(verdict.ownerId());
			ignore(verdict, otherOwner ? VerdictIgnored.OWNER_MISMATCH : VerdictIgnored.NO_PENDING_REVIEW);
			return;
		}
		SolicitationReceived event = codec.read(json, SolicitationReceived.class);
		if (!verdict.ownerId().equals(event.ownerId())) {
			ignore(verdict, VerdictIgnored.OWNER_MISMATCH);
			return;
		}
		if (!decisionId(event.solicitationId(), "initial").equals(verdict.reviewDecisionId())) {
			ignore(verdict, VerdictIgnored.REVIEW_MISMATCH);
			return;
		}
		Profile profile = profileOf(event.ownerId());
		var solicitation = Events.toSolicitation(event);
		Decision decision = DecisionProcedure.onVerdict(solicitation, profile, Verdict.valueOf(verdict.verdict()));
		Instant now = clock.instant();
		DecisionMade made = Events.decisionMade(decisionId(event.solicitationId(), "verdict"), event, decision, profile,
				now, null);
		String out = codec.write(made);
		tally.consume(event.ownerId(), solicitation.receivedAt(), profile.timezone(), decision.consumption());
		pending.delete(key);
		decided.put(event.solicitationId(), SolicitationState.of(made, now).write());
		emit(made, out, decision, profile, span);
	}

	private void ignore(VerdictRecorded verdict, String why) {
		metrics.verdictIgnored(why).increment();
		if (VerdictIgnored.NO_PENDING_REVIEW.equals(why)) {
			// a second click on a link, a replay: expected, and harmless
			log.debug("no pending review for {}; verdict ignored", verdict.solicitationId());
		}
		else {
			log.warn("verdict for {} (owner {}, review {}) ignored: {}", verdict.solicitationId(), verdict.ownerId(),
					verdict.reviewDecisionId(), why);
		}
	}

	private Profile profileOf(String ownerId) {
		Optional<Profile> profile = profiles.find(ownerId);
		return profile.orElseThrow(() -> new InvalidEvent("no valid profile for owner " + ownerId));
	}

	private void emit(DecisionMade decision, String json, Decision core, Profile profile, Span span) {
		Headers headers = new RecordHeaders();
		CloudEventHeaders.add(headers, decision.decisionId(), "/politely/policy", "dev.politely.decision.made.v1",
				decision.decidedAt());
		tracing.inject(span, headers);
		// DEBUG, not INFO: a line per decision is costly on the stream thread, and the
		// decision itself is in politely.decisions;
		// logging.level.dev.politely.policy.stream.DecisionProcessor=debug brings it back
		log.debug("decided {} for {}: {} {} {}", decision.solicitationId(), decision.ownerId(), decision.outcome(),
				decision.rule(), decision.reason());
		context.forward(
				new Record<>(decision.ownerId(), Routed.decision(json), decision.decidedAt().toEpochMilli(), headers));
		try {
			metrics.decided(decision, core, profile,
					tally.counters(decision.ownerId(), decision.solicitation().receivedAt(), profile.timezone()));
		}
		catch (RuntimeException e) {
			// the decision is made and sent; a figure missing is no reason to undo it
			log.warn("metrics of decision {} not recorded", decision.decisionId(), e);
		}
	}

	private void deadLetter(String key, String value, Headers original, long timestamp, RuntimeException cause,
			String source) {
		String reason = cause instanceof InvalidEvent ? cause.getMessage()
				: cause.getClass().getName() + ": " + cause.getMessage();
		log.warn("record from {} sent to {}: {}", source, topics.deadLetters(), reason,
				cause instanceof InvalidEvent ? null : cause);
		Headers headers = new RecordHeaders(original.toArray());
		headers.add("politely-dlt-reason", reason.getBytes(StandardCharsets.UTF_8));
		headers.add("politely-dlt-exception", cause.getClass().getName().getBytes(StandardCharsets.UTF_8));
		headers.add("politely-dlt-source", source.getBytes(StandardCharsets.UTF_8));
		context.forward(new Record<>(key, Routed.deadLetter(value, reason), timestamp, headers));
		metrics.deadLetter(topics.deadLetters()).increment();
	}

	private static void requireIds(String solicitationId, String ownerId) {
		if (solicitationId == null || ownerId == null) {
			throw new InvalidEvent("solicitationId and ownerId are required");
		}
	}

	/**
	 * The key of a pending review: the owner's, so another owner's verdict finds nothing.
	 */
	static String pendingKey(String ownerId, String solicitationId) {
		return ownerId + "/" + solicitationId;
	}

	/**
	 * Deterministic, so a decision replayed after a crash keeps its id (and its emails
	 * their Message-ID).
	 */
	static String decisionId(String solicitationId, String stage) {
		return UUID.nameUUIDFromBytes(("decision:" + solicitationId + ":" + stage).getBytes(StandardCharsets.UTF_8))
			.toString();
	}

}
