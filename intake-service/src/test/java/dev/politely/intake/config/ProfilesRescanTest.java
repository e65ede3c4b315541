package dev.politely.intake.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;

import dev.politely.support.ProfilesConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.config.FixedDelayTask;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared profile reader rescans as the intake's own setting says,
 * {@code politely.profiles-rescan-interval}: the name users set did not change when the
 * reader moved to service-support.
 */
class ProfilesRescanTest {

	@TempDir
	Path directory;

	private ApplicationContextRunner context() {
		return new ApplicationContextRunner().withInitializer((context) -> {
			try {
				context.getEnvironment()
					.getPropertySources()
					.addLast(new ResourcePropertySource("classpath:intake-service.properties"));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		})
			.withUserConfiguration(ProfilesConfig.class)
			.withBean(SimpleMeterRegistry.class)
			.withPropertyValues("politely.profiles-dir=" + this.directory);
	}

	@Test
	void rescansEveryTwoSecondsByDefault() {
		context().run((started) -> assertThat(rescan(started)).hasSeconds(2));
	}

	@Test
	void rescansAsItsOwnSettingSays() {
		context().withPropertyValues("politely.profiles-rescan-interval=300ms")
			.run((started) -> assertThat(rescan(started)).hasMillis(300));
	}

	private static Duration rescan(AssertableApplicationContext started) {
		return started.getBean(ScheduledAnnotationBeanPostProcessor.class)
			.getScheduledTasks()
			.stream()
			.map((task) -> ((FixedDelayTask) task.getTask()).getIntervalDuration())
			.findFirst()
			.orElseThrow();
	}

}
