package dev.politely.intake.config;

import dev.politely.support.FixedPartitions;
import dev.politely.support.ProfilesConfig;
import dev.politely.support.PublicHealth;
import dev.politely.support.VerdictKeyConfig;
import java.time.Clock;

import dev.politely.webhook.body.SolicitationValidator;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.config.TopicBuilder;

/**
 * Cross-cutting wiring: the clock, the validator, the two topics. Kept off the
 * application class so that slice tests do not pick it up.
 */
@Configuration(proxyBeanMethods = false)
// what the services do the same way (service-support): fixed partitions, the public
// health, the owners' profiles, and the verdict link keys (which the intake checks with)
@Import({ FixedPartitions.class, PublicHealth.class, ProfilesConfig.class, VerdictKeyConfig.class })
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	SolicitationValidator solicitationValidator() {
		return new SolicitationValidator();
	}

	@Bean
	NewTopic solicitationsTopic(IntakeProperties properties) {
		IntakeProperties.Topics topics = properties.topics();
		return TopicBuilder.name(topics.solicitations())
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInsyncReplicas()))
			.build();
	}

	/**
	 * Same key (owner id) and same partition count as the solicitations: the policy
	 * service joins the two.
	 */
	@Bean
	NewTopic verdictsTopic(IntakeProperties properties) {
		IntakeProperties.Topics topics = properties.topics();
		return TopicBuilder.name(topics.verdicts())
			.partitions(topics.partitions())
			.replicas(topics.replicas())
			.config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, String.valueOf(topics.minInsyncReplicas()))
			.build();
	}

}
