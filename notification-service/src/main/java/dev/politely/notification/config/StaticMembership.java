package dev.politely.notification.config;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.util.StringUtils;

/**
 * Static group membership for the listener containers, when the instance has a stable id
 * ({@code POLITELY_INSTANCE_ID}). An instance killed and started again under the same id
 * takes its partitions back at once, without a rebalance and without waiting for the
 * session timeout. With a concurrency above one, Spring Kafka appends each consumer's
 * client-id suffix ({@code -0}, {@code -1}) to the id, so the consumers of one container
 * never share it; the two containers are in different groups. Without an id the consumers
 * are dynamic members, as before: two instances must never share an id (the second would
 * fence the first), so none is made up.
 *
 * @param instanceId this instance's id, unique among the instances of the service, or
 * empty
 */
record StaticMembership(String instanceId) {

	/**
	 * On each container the factory makes: the factory's own consumer properties are not
	 * copied to its containers, the container's are.
	 */
	void applyTo(ConcurrentKafkaListenerContainerFactory<?, ?> factory) {
		if (StringUtils.hasText(instanceId)) {
			factory.setContainerCustomizer(container -> container.getContainerProperties()
				.getKafkaConsumerProperties()
				.setProperty(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceId));
		}
	}

}
