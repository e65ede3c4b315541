package dev.politely.notification.config;

import java.util.Map;

import dev.politely.notification.ledger.LedgerProperties;
import dev.politely.notification.topics.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The service refuses to start when a decision could still be retried after its ledger
 * entries expired (it would be mailed twice): the ledger's retention is at least the
 * retries' {@code max-elapsed}. No broker: the template is never used here.
 */
class RetryBoundsTest {

	private final KafkaTemplate<String, Object> template = new KafkaTemplate<>(
			new DefaultKafkaProducerFactory<>(Map.of()));

	@Test
	void refusesALedgerThatForgetsBeforeTheRetriesEnd() {
		Binder binder = binder(Map.of("politely.ledger.retention", "1h", "politely.retry.max-elapsed", "24h"));

		assertThatIllegalStateException()
			.isThrownBy(() -> new KafkaConfig("").errorHandler(template,
					binder.bindOrCreate("politely.topics", Topics.class),
					binder.bindOrCreate("politely.retry", RetryProperties.class),
					binder.bindOrCreate("politely.ledger", LedgerProperties.class), new SimpleMeterRegistry()))
			.withMessage("politely.ledger.retention (PT1H) must be at least politely.retry.max-elapsed (PT24H)");
	}

	@Test
	void acceptsTheDefaults() {
		Binder binder = binder(Map.of());

		assertThat(new KafkaConfig("").errorHandler(template, binder.bindOrCreate("politely.topics", Topics.class),
				binder.bindOrCreate("politely.retry", RetryProperties.class),
				binder.bindOrCreate("politely.ledger", LedgerProperties.class), new SimpleMeterRegistry()))
			.isNotNull();
	}

	private static Binder binder(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties));
	}

}
