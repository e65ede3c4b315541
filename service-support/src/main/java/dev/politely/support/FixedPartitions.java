package dev.politely.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Partitions are fixed at creation. A topic is keyed by owner, and an owner's partition
 * is the hash of its id modulo the partition count: adding partitions would move owners
 * to other partitions, away from their state (and Spring's {@link KafkaAdmin} would add
 * them silently to the declared topics, never to the changelogs). So before the admin
 * creates the declared topics, each one that already exists is checked, and a count that
 * differs from the configured one stops the service with a message that says what to do.
 */

public class FixedPartitions {

	private static final Log log = LogFactory.getLog(FixedPartitions.class);

	private static final long DESCRIBE_TIMEOUT_SECONDS = 10;

	private final Map<String, Object> adminConfig;

	private volatile boolean reachable = true;

	public FixedPartitions(KafkaAdmin admin) {
		this.adminConfig = admin.getConfigurationProperties();
		// the admin asks this predicate for each declared topic before creating or
		// changing any
		admin.setCreateOrModifyTopic(this::createOrKeep);
	}

	private boolean createOrKeep(NewTopic declared) {
		Integer existing = partitionsOf(declared.name());
		// -1: the broker's default count, nothing to compare with
		if (existing != null && declared.numPartitions() > 0 && existing != declared.numPartitions()) {
			throw new IllegalStateException(message(declared.name(), existing, declared.numPartitions()));
		}
		return true;
	}

	static String message(String topic, int existing, int configured) {
		return "Topic " + topic + " exists with " + existing + " partitions but " + configured
				+ " are configured (politely.topics.partitions, POLITELY_TOPIC_PARTITIONS). Partitions are fixed at"
				+ " creation: adding some would move owners away from their state. Set POLITELY_TOPIC_PARTITIONS="
				+ existing + ", or move to a new cluster (docs/operations.md, Partitions).";
	}

	/** The topic's partition count, or null when it does not exist or cannot be read. */
	private Integer partitionsOf(String topic) {
		if (!reachable) {
			return null;
		}
		try (Admin client = Admin.create(adminConfig)) {
			Map<String, TopicDescription> described = client.describeTopics(List.of(topic))
				.allTopicNames()
				.get(DESCRIBE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
			return described.get(topic).partitions().size();
		}
		catch (ExecutionException ex) {
			if (!(ex.getCause() instanceof UnknownTopicOrPartitionException)) {
				log.warn("Could not check the partitions of " + topic + ": " + ex.getCause());
			}
			return null;
		}
		catch (TimeoutException ex) {
			// the broker is unreachable: the admin will say so, and the topics are
			// checked at
			// the next start
			reachable = false;
			log.warn("Could not check the partitions of " + topic + " within " + DESCRIBE_TIMEOUT_SECONDS + " s");
			return null;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
	}

}
