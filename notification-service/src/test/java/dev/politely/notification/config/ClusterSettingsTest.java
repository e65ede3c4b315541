package dev.politely.notification.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.politely.notification.Service;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The notification service's cluster settings against a real (embedded KRaft) broker:
 * static group membership with one id per consumer, and partitions fixed at creation.
 */
class ClusterSettingsTest {

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
	void eachConsumerIsAStaticMemberWithItsOwnId() throws Exception {
		try (ConfigurableApplicationContext service = Service.start(broker, null,
				"--politely.instance-id=notification-a", "--spring.kafka.consumer.group-id=membership",
				"--politely.topics.decisions=membership.decisions",
				"--politely.topics.deliveries=membership.deliveries", "--politely.topics.digests=membership.digests",
				"--politely.topics.callbacks=membership.callbacks"); Admin admin = admin()) {
			// two listener threads on the decisions (concurrency 2), one on the callbacks
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(instanceIds(admin, "membership"))
					.containsExactlyInAnyOrder(Optional.of("notification-a-0"), Optional.of("notification-a-1")));
			await().atMost(Duration.ofSeconds(60))
				.untilAsserted(() -> assertThat(instanceIds(admin, "membership-callbacks"))
					.containsExactly(Optional.of("notification-a-0")));
		}
	}

	@Test
	void refusesToStartWhenAnExistingTopicHasOtherPartitions() throws Exception {
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic("fewer.decisions", 2, (short) 1))).all().get();
		}

		assertThatThrownBy(() -> Service
			.start(broker, null, "--politely.topics.decisions=fewer.decisions", "--politely.topics.partitions=3",
					"--politely.topics.deliveries=fewer.deliveries", "--politely.topics.digests=fewer.digests",
					"--politely.topics.callbacks=fewer.callbacks")
			.close())
			.satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
				.hasMessageContaining("Topic fewer.decisions exists with 2 partitions but 3 are configured"));
	}

	private static List<Optional<String>> instanceIds(Admin admin, String group) throws Exception {
		ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
		return description.members().stream().map(MemberDescription::groupInstanceId).toList();
	}

	private static Admin admin() {
		return Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()));
	}

}
