package dev.politely.e2e;

import org.springframework.kafka.test.condition.EmbeddedKafkaCondition;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The end-to-end scenario against an embedded KRaft broker: runs everywhere, Docker or
 * not.
 */
@EmbeddedKafka(partitions = 2,
		brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class PipelineOnEmbeddedKafkaTest extends PipelineScenario {

	PipelineOnEmbeddedKafkaTest() {
		super(() -> EmbeddedKafkaCondition.getBroker().getBrokersAsString());
	}

}
