package dev.politely.notification;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.node.ObjectNode;

/**
 * Starts and restarts the notification service as a whole Spring context against a given
 * broker, so that a test can stop it and start a new one on the same topics (and, if it
 * wants, the same clock).
 */
public final class Service {

	private Service() {
	}

	public static ConfigurableApplicationContext start(EmbeddedKafkaBroker broker, Clock clock, String... args) {
		List<String> all = new ArrayList<>(
				List.of("--server.port=0", "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
						"--politely.retry.initial-interval=100ms", "--politely.retry.max-interval=500ms",
						"--resilience4j.circuitbreaker.instances.smtp.wait-duration-in-open-state=500ms",
						"--resilience4j.retry.instances.smtp.wait-duration=50ms",
						"--spring.kafka.consumer.properties.metadata.max.age.ms=1000"));
		all.addAll(List.of(args));
		SpringApplicationBuilder builder = new SpringApplicationBuilder(NotificationApplication.class);
		if (clock != null) {
			builder.initializers(context -> context.getBeanFactory().registerSingleton("testClock", clock));
		}
		return builder.run(all.toArray(String[]::new));
	}

	public static void publish(EmbeddedKafkaBroker broker, ObjectNode... decisions) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
				new StringSerializer(), new StringSerializer())) {
			for (ObjectNode decision : decisions) {
				producer
					.send(new ProducerRecord<>("politely.decisions", decision.get("ownerId").asString(),
							Decisions.json(decision)))
					.get();
			}
		}
	}

}
