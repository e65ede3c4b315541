package dev.politely.notification.callback;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Follows the {@code politely.callbacks} table in its own consumer group. On assignment
 * the scheduler reads the partitions' pending jobs to their end, and the listener goes on
 * from there; every later record (a new job, an attempt, a tombstone) is handed to the
 * scheduler, which returns at once.
 */
@Component
class CallbackListener implements ConsumerSeekAware {

	private final CallbackScheduler scheduler;

	CallbackListener(CallbackScheduler scheduler) {
		this.scheduler = scheduler;
	}

	@KafkaListener(id = "callbacks", topics = "${politely.topics.callbacks}",
			groupId = "${spring.kafka.consumer.group-id}-callbacks", containerFactory = "callbackListenerFactory")
	void on(ConsumerRecord<String, String> record) {
		scheduler.accept(record.partition(), record.key(), record.value());
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		if (assignments.isEmpty()) {
			return;
		}
		String topic = assignments.keySet().iterator().next().topic();
		Map<Integer, Long> readUpTo = scheduler
			.assigned(assignments.keySet().stream().map(TopicPartition::partition).toList());
		readUpTo.forEach((partition, offset) -> callback.seek(topic, partition, offset));
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		scheduler.revoked(partitions.stream().map(TopicPartition::partition).toList());
	}

}
