package dev.politely.policy;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The policy service on a random port against the {@link EmbeddedBroker}, its topics in
 * two partitions. A test adds its own properties with {@code @TestPropertySource}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
				"politely.topics.partitions=2" })
@EmbeddedBroker
public abstract class PolicyServiceTest {

}
