package dev.politely.policy.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.politely.policy.PolicyApplication;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The policy service's cluster settings against a real (embedded KRaft) broker: the
 * stream thread is a static group member under the instance's id, and partitions are
 * fixed at creation.
 */
class ClusterSettingsTest {

	private static EmbeddedKafkaBroker broker;

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 1).brokerProperties(
				Map.of("transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1"));
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@Test
	void theStreamThreadIsAStaticMemberUnderTheInstanceId() throws Exception {
		try (ConfigurableApplicationContext policy = start("--politely.instance-id=policy-a",
				"--spring.kafka.streams.application-id=membership", "--politely.topics.solicitations=m.solicitations",
				"--politely.topics.verdicts=m.verdicts", "--politely.topics.decisions=m.decisions");
				Admin admin = admin()) {
			// Streams appends the thread's index to the id
			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(admin.describeConsumerGroups(List.of("membership"))
					.all()
					.get()
					.get("membership")
					.members()
					.stream()
					.map(MemberDescription::groupInstanceId)).containsExactly(Optional.of("policy-a-1")));
		}
	}

	@Test
	void refusesToStartWhenAnExistingTopicHasOtherPartitions() throws Exception {
		try (Admin admin = admin()) {
			admin.createTopics(List.of(new NewTopic("fewer.solicitations", 2, (short) 1))).all().get();
		}

		assertThatThrownBy(() -> start("--spring.kafka.streams.application-id=fewer",
				"--politely.topics.solicitations=fewer.solicitations", "--politely.topics.verdicts=fewer.verdicts",
				"--politely.topics.decisions=fewer.decisions", "--politely.topics.partitions=3")
			.close())
			.satisfies(failure -> assertThat(NestedExceptionUtils.getMostSpecificCause(failure))
				.hasMessageContaining("Topic fewer.solicitations exists with 2 partitions but 3 are configured"));
	}

	private static ConfigurableApplicationContext start(String... args) {
		List<String> all = new ArrayList<>(
				List.of("--server.port=0", "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
						"--politely.profiles-dir=src/test/resources/profiles"));
		all.addAll(List.of(args));
		return new SpringApplicationBuilder(PolicyApplication.class).run(all.toArray(String[]::new));
	}

	private static Admin admin() {
		return Admin.create(Map.of("bootstrap.servers", broker.getBrokersAsString()));
	}

}
