package dev.politely.policy.stream;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.politely.policy.config.PolicyProperties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * {@code stream}: UP when the policy stream runs and its stores answer interactive
 * queries, so that UP means the dry run and the status API answer. A rebalance after the
 * stream once ran stays UP for {@code politely.health.rebalancing-grace} (instances come
 * and go); longer, or before the first RUNNING, is DOWN, as are ERROR, PENDING_SHUTDOWN
 * and NOT_RUNNING (a client that Kafka Streams shut down while the JVM keeps running).
 *
 * <p>
 * The gap this closes: RUNNING is reached a few seconds after start, when the first
 * rebalance and the restoration of the stores are over; the application context, and with
 * it a health check that ignored the stream, is UP long before.
 */
@Component
class StreamHealthIndicator implements HealthIndicator {

	private final StreamsBuilderFactoryBean streams;

	private final Duration grace;

	private final Clock clock;

	private final StateChanges changes;

	StreamHealthIndicator(StreamsBuilderFactoryBean streams, StateChanges changes, PolicyProperties properties,
			Clock clock) {
		this.streams = streams;
		this.changes = changes;
		this.grace = properties.health().rebalancingGrace();
		this.clock = clock;
	}

	@Override
	public Health health() {
		KafkaStreams kafkaStreams = streams.getKafkaStreams();
		if (kafkaStreams == null) {
			return Health.down().withDetail("state", "NOT_STARTED").build();
		}
		KafkaStreams.State state = kafkaStreams.state();
		if (state == KafkaStreams.State.RUNNING) {
			String notQueryable = notQueryable(kafkaStreams);
			return notQueryable == null ? Health.up().withDetail("state", state.name()).build()
					: Health.down().withDetail("state", state.name()).withDetail("stores", notQueryable).build();
		}
		Instant since = changes.rebalancingSince;
		if (state == KafkaStreams.State.REBALANCING && changes.ranOnce && since != null
				&& !clock.instant().isAfter(since.plus(grace))) {
			return Health.up().withDetail("state", state.name()).withDetail("since", since.toString()).build();
		}
		return Health.down().withDetail("state", state.name()).build();
	}

	/** Null when the stores the dry run and the status API read answer; else why not. */
	private static String notQueryable(KafkaStreams kafkaStreams) {
		try {
			for (String store : new String[] { OwnerTally.STORE, SolicitationState.STORE }) {
				kafkaStreams.store(StoreQueryParameters.fromNameAndType(store, QueryableStoreTypes.keyValueStore()))
					.approximateNumEntries();
			}
			return null;
		}
		catch (InvalidStateStoreException e) {
			return e.getMessage();
		}
	}

	/** The stream's state changes that its current state does not tell. */
	static final class StateChanges implements KafkaStreams.StateListener {

		private final Clock clock;

		private volatile boolean ranOnce;

		private volatile Instant rebalancingSince;

		StateChanges(Clock clock) {
			this.clock = clock;
		}

		@Override
		public void onChange(KafkaStreams.State newState, KafkaStreams.State oldState) {
			if (newState == KafkaStreams.State.RUNNING) {
				ranOnce = true;
			}
			if (newState == KafkaStreams.State.REBALANCING && oldState != KafkaStreams.State.REBALANCING) {
				rebalancingSince = clock.instant();
			}
		}

	}

}
