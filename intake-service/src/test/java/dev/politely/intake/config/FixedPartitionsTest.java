package dev.politely.intake.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.politely.intake.Fixtures;
import dev.politely.intake.IntakeApplication;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Topics against a real (embedded KRaft) broker: an existing topic whose partition count
 * differs from the configuration stops the service (Spring's admin would add partitions
 * silently), and a topic created by the service carries the configured
 * {@code min.insync.replicas}.
 */
class FixedPartitionsTest {

	private static EmbeddedKafkaKraftBroker broker;

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 1);
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@Test
	void refusesToStartWhenAnExistingTopicHasOtherPartitions() throws Exception {
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic("fewer.solicitations", 2, (short) 1))).all().get();
		}

		assertThatThrownBy(() -> start("--politely.topics.solicitations=fewer.solicitations",
				"--politely.topics.verdicts=fewer.verdicts", "--politely.topics.partitions=3")
			.close())
			.satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
				.hasMessageContaining("Topic fewer.solicitations exists with 2 partitions but 3 are configured")
				.hasMessageContaining("POLITELY_TOPIC_PARTITIONS=2"));
		try (Admin admin = admin()) {
			assertThat(admin.describeTopics(List.of("fewer.solicitations"))
				.allTopicNames()
				.get()
				.get("fewer.solicitations")
				.partitions()).hasSize(2);
		}
	}

	@Test
	void createsTheTopicsWithTheConfiguredMinimumOfInSyncReplicas() throws Exception {
		try (ConfigurableApplicationContext intake = start("--politely.topics.solicitations=isr.solicitations",
				"--politely.topics.verdicts=isr.verdicts", "--politely.topics.min-insync-replicas=1");
				Admin admin = admin()) {
			ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "isr.solicitations");
			Config config = admin.describeConfigs(List.of(topic)).all().get().get(topic);
			ConfigEntry minInSync = config.get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);
			// set on the topic itself, not the broker's default
			assertThat(minInSync.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
			assertThat(minInSync.value()).isEqualTo("1");
		}
	}

	private static ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>(List.of("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
				"--politely.profiles-dir=" + Fixtures.profilesDirectory(), "--politely.readiness.consumer-groups="));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(IntakeApplication.class).run(all.toArray(String[]::new));
	}

	private static Admin admin() {
		return Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()));
	}

}
