package dev.politely.notification.dispatch;

import java.util.Collection;
import java.util.List;

import dev.politely.notification.digest.DigestBook;
import dev.politely.notification.ledger.DeliveryLedger;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.stereotype.Component;

/**
 * The decisions' rebalance listener, which the Kafka wiring finds by its type. Before the
 * first decision of a newly assigned partition is processed, the ledger partition of the
 * same number is read to its end (whoever owned the partition before wrote its entries
 * synchronously before committing), and the pending digest lines of that partition are
 * loaded; a revoked partition's digest lines and ledger entries are dropped (the ledger
 * keeps them while the callbacks listener still holds the partition), their new owner
 * sends them.
 */
@Component
class DecisionPartitions implements ConsumerAwareRebalanceListener {

	/** This listener, as a holder of ledger partitions. */
	static final String HOLDER = "decisions";

	private final DeliveryLedger ledger;

	private final DigestBook digests;

	DecisionPartitions(DeliveryLedger ledger, DigestBook digests) {
		this.ledger = ledger;
		this.digests = digests;
	}

	@Override
	public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		List<Integer> numbers = numbers(partitions);
		ledger.catchUp(HOLDER, numbers);
		digests.load(numbers);
	}

	@Override
	public void onPartitionsRevokedAfterCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		digests.drop(numbers(partitions));
		ledger.release(HOLDER, numbers(partitions));
	}

	@Override
	public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
		digests.drop(numbers(partitions));
		ledger.release(HOLDER, numbers(partitions));
	}

	private static List<Integer> numbers(Collection<TopicPartition> partitions) {
		return partitions.stream().map(TopicPartition::partition).toList();
	}

}
