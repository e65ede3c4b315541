package dev.politely.policy.stream;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import dev.politely.policy.config.PolicyProperties;
import dev.politely.policy.decision.Decision;
import dev.politely.policy.decision.DecisionProcedure;
import dev.politely.policy.decision.Outcome;
import dev.politely.policy.decision.Verdict;
import dev.politely.profile.Profile;
import dev.politely.profile.ProfileDirectory;
import dev.politely.policy.stream.EventCodec.InvalidEvent;
import dev.politely.policy.stream.PolicyTopology.Routed;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
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
 */
final class DecisionProcessor implements Processor<String, String, String, Routed> {

	private static final Logger log = LoggerFactory.getLogger(DecisionProcessor.class);

	private final PolicyProperties.Topics topics;

	private final ProfileDirectory profiles;

	private final EventCodec codec;

	private final VerdictLinks links;

	private final Clock clock;

	private final DecisionMetrics metrics;

	private final StreamTracing tracing;

	private ProcessorContext<String, Routed> context;

	private KeyValueStore<String, String> decided;

	private OwnerLedger ledger;

	private KeyValueStore<String, String> pending;

	DecisionProcessor(PolicyProperties.Topics topics, ProfileDirectory profiles, EventCodec codec, VerdictLinks links,
			Clock clock, DecisionMetrics metrics, StreamTracing tracing) {
		this.topics = topics;
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
		this.decided = context.getStateStore(PolicyTopology.DECIDED);
		this.ledger = new OwnerLedger(context.getStateStore(PolicyTopology.COUNTERS));
		this.pending = context.getStateStore(PolicyTopology.PENDING);
	}

	@Override
	public void process(Record<String, String> record) {
		String topic = context.recordMetadata().map(m -> m.topic()).orElse(topics.solicitations());
		Span span = tracing.start(record.headers(), "policy decide");
		// The span is made current (which puts its trace id in the MDC of log lines) only
		// when this
		// processor's DEBUG lines are written: otherwise nothing reads it, and it cost 6
		// % per record.
		try (Tracer.SpanInScope scope = log.isDebugEnabled() ? tracing.inScope(span) : null) {
			if (topic.equals(topics.verdicts())) {
				onVerdict(codec.read(record.value(), VerdictRecorded.class), span);
			}
			else {
				onSolicitation(codec.read(record.value(), SolicitationReceived.class), record.value(), span);
			}
		}
		catch (InvalidEvent e) {
			deadLetter(record, e.getMessage());
		}
		finally {
			span.end();
		}
	}

	private void onSolicitation(SolicitationReceived event, String json, Span span) {
		requireIds(event.solicitationId(), event.ownerId());
		if (decided.get(event.solicitationId()) != null) {
			log.debug("solicitation {} already decided; redelivery ignored", event.solicitationId());
			return;
		}
		Profile profile = profileOf(event.ownerId());
		var solicitation = Events.toSolicitation(event);
		var counters = ledger.counters(event.ownerId(), solicitation.receivedAt(), profile.timezone());
		Decision decision = DecisionProcedure.decide(solicitation, profile, counters);
		String decisionId = decisionId(event.solicitationId(), "initial");
		DecisionMade.Review review = null;
		if (decision.outcome() == Outcome.REVIEW) {
			review = links.create(profile, event.solicitationId(), decisionId, clock.instant());
			pending.put(event.solicitationId(), json);
		}
		ledger.consume(event.ownerId(), solicitation.receivedAt(), profile.timezone(), decision.consumption());
		decided.put(event.solicitationId(), decisionId);
		emit(Events.decisionMade(decisionId, event, decision, profile, clock.instant(), review), decision, profile,
				span);
	}

	private void onVerdict(VerdictRecorded verdict, Span span) {
		requireIds(verdict.solicitationId(), verdict.ownerId());
		String json = pending.get(verdict.solicitationId());
		if (json == null) {
			// Already turned into a final decision (a second POST, a replay), or never a
			// REVIEW.
			log.debug("no pending review for {}; verdict ignored", verdict.solicitationId());
			return;
		}
		SolicitationReceived event = codec.read(json, SolicitationReceived.class);
		Profile profile = profileOf(event.ownerId());
		var solicitation = Events.toSolicitation(event);
		Decision decision = DecisionProcedure.onVerdict(solicitation, profile, Verdict.valueOf(verdict.verdict()));
		ledger.consume(event.ownerId(), solicitation.receivedAt(), profile.timezone(), decision.consumption());
		pending.delete(verdict.solicitationId());
		emit(Events.decisionMade(decisionId(event.solicitationId(), "verdict"), event, decision, profile,
				clock.instant(), null), decision, profile, span);
	}

	private Profile profileOf(String ownerId) {
		Optional<Profile> profile = profiles.find(ownerId);
		return profile.orElseThrow(() -> new InvalidEvent("no valid profile for owner " + ownerId));
	}

	private void emit(DecisionMade decision, Decision core, Profile profile, Span span) {
		metrics.decided(decision, core, profile,
				ledger.counters(decision.ownerId(), decision.solicitation().receivedAt(), profile.timezone()));
		Headers headers = new RecordHeaders();
		CloudEventHeaders.add(headers, decision.decisionId(), "/politely/policy", "dev.politely.decision.made.v1",
				decision.decidedAt());
		tracing.inject(span, headers);
		// DEBUG, not INFO: a line per decision cost 8 % of the stream thread, and the
		// decision itself is in
		// politely.decisions;
		// logging.level.dev.politely.policy.stream.DecisionProcessor=debug brings it back
		log.debug("decided {} for {}: {} {} {}", decision.solicitationId(), decision.ownerId(), decision.outcome(),
				decision.rule(), decision.reason());
		context.forward(new Record<>(decision.ownerId(), Routed.decision(codec.write(decision)),
				decision.decidedAt().toEpochMilli(), headers));
	}

	private void deadLetter(Record<String, String> record, String reason) {
		log.warn("record sent to {}: {}", topics.deadLetters(), reason);
		Headers headers = new RecordHeaders(record.headers().toArray());
		headers.add("politely-dlt-reason", reason.getBytes(StandardCharsets.UTF_8));
		context.recordMetadata()
			.ifPresent(m -> headers.add("politely-dlt-source",
					(m.topic() + "-" + m.partition() + "@" + m.offset()).getBytes(StandardCharsets.UTF_8)));
		context.forward(
				new Record<>(record.key(), Routed.deadLetter(record.value(), reason), record.timestamp(), headers));
	}

	private static void requireIds(String solicitationId, String ownerId) {
		if (solicitationId == null || ownerId == null) {
			throw new InvalidEvent("solicitationId and ownerId are required");
		}
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
