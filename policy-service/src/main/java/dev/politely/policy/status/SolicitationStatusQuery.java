package dev.politely.policy.status;

import java.util.Optional;

import dev.politely.policy.stream.SolicitationState;
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
 * Reads a solicitation's entry from the policy stream's {@code decided-solicitations}
 * store (interactive query), read-only, in the partition of its owner (the input topics
 * are keyed by owner). When that partition lives on another instance the answer says
 * where, as for the dry run's counters.
 */
@Component
class SolicitationStatusQuery {

	private final StreamsBuilderFactoryBean streams;

	SolicitationStatusQuery(StreamsBuilderFactoryBean streams) {
		this.streams = streams;
	}

	sealed interface Answer permits Found, Unknown, Remote, Unavailable {

	}

	record Found(SolicitationState state) implements Answer {
	}

	record Unknown() implements Answer {
	}

	record Remote(String hostAndPort) implements Answer {
	}

	record Unavailable(String why) implements Answer {
	}

	Answer find(String owner, String solicitationId) {
		KafkaStreams kafkaStreams = streams.getKafkaStreams();
		if (kafkaStreams == null || kafkaStreams.state() != KafkaStreams.State.RUNNING) {
			return new Unavailable("the policy stream is not running yet");
		}
		KeyQueryMetadata where = kafkaStreams.queryMetadataForKey(SolicitationState.STORE, owner,
				Serdes.String().serializer());
		try {
			ReadOnlyKeyValueStore<String, String> store = kafkaStreams.store(StoreQueryParameters
				.fromNameAndType(SolicitationState.STORE, QueryableStoreTypes.<String, String>keyValueStore())
				.withPartition(where.partition()));
			SolicitationState state = SolicitationState.read(store.get(solicitationId));
			// another owner's solicitation on the same partition is unknown to this owner
			boolean theirs = state != null && (state.ownerId() == null || state.ownerId().equals(owner));
			return theirs ? new Found(state) : new Unknown();
		}
		catch (InvalidStateStoreException notHere) {
			return Optional.ofNullable(where.activeHost())
				.filter(host -> host.port() > 0)
				.<Answer>map(host -> new Remote(host.host() + ":" + host.port()))
				.orElseGet(() -> new Unavailable("the owner's partition is moving between instances"));
		}
	}

}
