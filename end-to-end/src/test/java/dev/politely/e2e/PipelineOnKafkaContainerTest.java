package dev.politely.e2e;

import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The end-to-end scenario against the official Kafka image, the broker of the compose
 * deployment, where Docker exists; skipped without Docker, when
 * {@link PipelineOnEmbeddedKafkaTest} still runs the same scenario.
 */
@Testcontainers(disabledWithoutDocker = true)
class PipelineOnKafkaContainerTest extends PipelineScenario {

	@Container
	static final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");

	PipelineOnKafkaContainerTest() {
		super(kafka::getBootstrapServers);
	}

}
