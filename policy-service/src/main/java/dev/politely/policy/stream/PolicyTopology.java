package dev.politely.policy.stream;

import java.time.Clock;
import java.util.List;

import dev.politely.policy.config.PolicyProperties;
import dev.politely.profile.ProfileDirectory;
import dev.politely.webhook.verdict.VerdictKeys;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import tools.jackson.databind.json.JsonMapper;

/**
 * solicitations + verdicts (both keyed by owner, so one task sees all of an owner's
 * events) -> {@link DecisionProcessor} with its four stores (decided, counters, pending
 * reviews, parked solicitations) -> decisions, or the dead-letter topic.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class PolicyTopology {

	static final String DECIDED = SolicitationState.STORE;
	static final String COUNTERS = OwnerTally.STORE;
	static final String PENDING = "pending-reviews";
	static final String PARKED = ParkedSolicitations.STORE;

	@Bean
	KStream<String, String> policyStream(StreamsBuilder builder, PolicyProperties properties, ProfileDirectory profiles,
			JsonMapper json, Clock clock, MeterRegistry registry, VerdictKeys verdictKeys,
			ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
		DecisionMetrics metrics = new DecisionMetrics(registry, clock);
		metrics.registerAtZero(profiles.owners(), properties.topics().deadLetters());
		return build(builder, properties.topics(), properties.state(), profiles, new EventCodec(json),
				new VerdictLinks(properties.publicUrl(), properties.verdictTtl(), verdictKeys), clock, metrics,
				new StreamTracing(tracer.getIfAvailable(() -> Tracer.NOOP),
						propagator.getIfAvailable(() -> Propagator.NOOP)));
	}

	/**
	 * The topology itself, apart from Spring, so tests can run several instances and
	 * crash them.
	 */
	static KStream<String, String> build(StreamsBuilder builder, PolicyProperties.Topics topics,
			PolicyProperties.State state, ProfileDirectory profiles, EventCodec codec, VerdictLinks links, Clock clock,
			DecisionMetrics metrics, StreamTracing tracing) {
		// Cached: the writes to a key within a commit interval (an owner's counters,
		// above all) reach RocksDB
		// and the changelog once. Under exactly_once_v2 the caches are flushed in each
		// commit's transaction.
		builder.addStateStore(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DECIDED), Serdes.String(), Serdes.String())
					.withCachingEnabled());
		builder.addStateStore(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(COUNTERS), Serdes.String(), Serdes.Integer())
					.withCachingEnabled());
		builder.addStateStore(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PENDING), Serdes.String(), Serdes.String())
					.withCachingEnabled());
		builder.addStateStore(
				Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(PARKED), Serdes.String(), Serdes.String())
					.withCachingEnabled());

		KStream<String, String> in = builder.stream(List.of(topics.solicitations(), topics.verdicts()),
				Consumed.with(Serdes.String(), Serdes.String()));
		KStream<String, Routed> out = in.process(
				() -> new DecisionProcessor(topics, state, profiles, codec, links, clock, metrics, tracing), DECIDED,
				COUNTERS, PENDING, PARKED);
		out.filter((owner, routed) -> routed.deadLetter() == null)
			.mapValues(Routed::value)
			.to(topics.decisions(), Produced.with(Serdes.String(), Serdes.String()));
		out.filter((owner, routed) -> routed.deadLetter() != null)
			.mapValues(Routed::value)
			.to(topics.deadLetters(), Produced.with(Serdes.String(), Serdes.String()));
		return in;
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * One output of the processor: a decision, or an input it could not use with the
	 * reason why.
	 */
	record Routed(String value, String deadLetter) {

		static Routed decision(String json) {
			return new Routed(json, null);
		}

		static Routed deadLetter(String input, String reason) {
			return new Routed(input, reason);
		}
	}

}
