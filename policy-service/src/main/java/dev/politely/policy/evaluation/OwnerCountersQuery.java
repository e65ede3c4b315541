package dev.politely.policy.evaluation;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import dev.politely.policy.decision.OwnerCounters;
import dev.politely.policy.stream.OwnerTally;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Reads an owner's counters from the policy stream's store (interactive query),
 * read-only.
 *
 * <p>
 * The store is partitioned by owner: with several instances, the owner's partition may
 * live on another one; the answer then says where ({@link Remote}) and the caller
 * forwards the request.
 */
@Component
class OwnerCountersQuery {

	private final StreamsBuilderFactoryBean streams;

	OwnerCountersQuery(StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	sealed interface Answer permits Local, Remote, Unavailable {

	}

	record Local(OwnerCounters counters) implements Answer {
	}

	record Remote(String hostAndPort) implements Answer {
	}

	record Unavailable(String why) implements Answer {
	}

	Answer counters(String owner, Instant receivedAt, ZoneId zone) {
		KafkaStreams kafkaStreams = streams.getKafkaStreams();
		if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
			return new Unavailable("the policy stream is not running yet");
		}
		KeyQueryMetadata where = kafkaStreams.queryMetadataForKey(OwnerTally.STORE, owner,
				Serdes.String().serializer());
		try {
			ReadOnlyKeyValueStore<String, Integer> store = kafkaStreams.store(StoreQueryParameters
				.fromNameAndType(OwnerTally.STORE, QueryableStoreTypes.<String, Integer>keyValueStore())
				.withPartition(where.partition()));
			return new Local(OwnerTally.read(store::get, owner, receivedAt, zone));
		}
		catch (InvalidStateStoreException notHere) {
			return Optional.ofNullable(where.activeHost())
				.filter(host -> host.port() > 0)
				.<Answer>map(host -> new Remote(host.host() + ":" + host.port()))
				.orElseGet(() -> new Unavailable("the owner's partition is moving between instances"));
		}
	}

}
