package dev.politely.intake;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The intake on a random port against an embedded KRaft broker, with no policy service to
 * ask for readiness. A test adds its own properties with {@code @TestPropertySource}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "politely.readiness.policy-url=")
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
public abstract class IntakeServiceTest {

	@Value("${spring.kafka.bootstrap-servers}")
	protected String bootstrapServers;

}
