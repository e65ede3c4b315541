package dev.politely.intake;

import java.time.Clock;

import dev.politely.intake.config.IntakeProperties;
import dev.politely.intake.owner.OwnerDirectory;
import dev.politely.intake.solicitation.OwnerRateLimits;
import dev.politely.intake.solicitation.RecordingPublisher;
import dev.politely.intake.solicitation.SolicitationIntake;
import dev.politely.intake.solicitation.SolicitationMetrics;
import dev.politely.support.ProfilesConfig;
import dev.politely.webhook.body.SolicitationValidator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * What a web slice test of the webhook imports beside its controller: the intake's own
 * beans (the owners' profiles of {@code politely.profiles-dir} included), writing to an
 * in-memory publisher instead of Kafka.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
@Import({ SolicitationIntake.class, SolicitationValidator.class, ProfilesConfig.class, OwnerDirectory.class,
		OwnerRateLimits.class, SolicitationMetrics.class })
public class WebhookSlice {

	@Bean
	RecordingPublisher recordingPublisher() {
		return new RecordingPublisher();
	}

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	SimpleMeterRegistry meterRegistry() {
		return new SimpleMeterRegistry();
	}

}
