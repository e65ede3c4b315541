package dev.politely.policy.config;

import dev.politely.support.FixedPartitions;
import dev.politely.support.ProfilesConfig;
import dev.politely.support.PublicHealth;
import dev.politely.support.VerdictKeyConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;

/** The topics the policy service reads and writes, created at start when missing. */
@Configuration(proxyBeanMethods = false)
// what the services do the same way (service-support): fixed partitions, the public
// health, the owners' profiles, and the verdict link keys (which the policy signs with)
@Import({ FixedPartitions.class, PublicHealth.class, ProfilesConfig.class, VerdictKeyConfig.class })
class KafkaTopicsConfig {

	private final PolicyProperties.Topics topics;

	KafkaTopicsConfig(PolicyProperties properties) {
		this.topics = properties.topics();
	}

	@Bean
	NewTopic solicitationsTopic() {
		return topic(topics.solicitations());
	}

	@Bean
	NewTopic verdictsTopic() {
		return topic(topics.verdicts());
	}

	@Bean
	NewTopic decisionsTopic() {
		return topic(topics.decisions());
	}

	@Bean
	NewTopic solicitationsDeadLetterTopic() {
		return topic(topics.deadLetters());
	}

	private NewTopic topic(String name) {
		return TopicBuilder.name(name)
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInsyncReplicas()))
			.build();
	}

}
