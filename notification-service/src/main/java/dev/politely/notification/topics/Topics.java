package dev.politely.notification.topics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The topics this service reads and writes ({@code politely.topics.*}), defaults in
 * {@code notification-service.properties}. Read both by {@code config}, which declares
 * the topics, and by the features that write them: here, in a package that depends on no
 * other, neither needs the other's package.
 *
 * @param decisions the topic of the policy service's decisions
 * @param deliveries the delivery ledger (compacted), partitioned like the decisions
 * @param callbacks the pending callback jobs (compacted), partitioned like the decisions
 * @param digests the pending digest lines (compacted), partitioned like the decisions
 * @param partitions partitions of the declared topics: the same for all, the ledger
 * design relies on it
 * @param replicas replication factor of the declared topics
 * @param minInsyncReplicas replicas that must have a write before it is acknowledged
 */
@ConfigurationProperties("politely.topics")
public record Topics(@DefaultValue("politely.decisions") String decisions,
		@DefaultValue("politely.deliveries") String deliveries, @DefaultValue("politely.callbacks") String callbacks,
		@DefaultValue("politely.digests") String digests, @DefaultValue("6") int partitions,
		@DefaultValue("1") short replicas, @DefaultValue("1") int minInsyncReplicas) {

	/**
	 * Spring Kafka's default dead-letter name, kept explicit because other tools read
	 * that topic.
	 */
	public String decisionsDeadLetter() {
		return decisions + "-dlt";
	}

	public String callbacksDeadLetter() {
		return callbacks + "-dlt";
	}

}
