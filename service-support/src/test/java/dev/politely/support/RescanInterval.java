package dev.politely.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.support.ResourcePropertySource;
import org.springframework.scheduling.annotation.ScheduledAnnotationBeanPostProcessor;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How often {@link ProfilesConfig} rescans with a service's own properties file: each
 * service checks with it that the rescan setting its users know still binds.
 */
public final class RescanInterval {

	private RescanInterval() {
	}

	/**
	 * The interval of the one scheduled rescan (which also waits that long to start).
	 * @param serviceProperties the service's properties file on the classpath, or null
	 * @param properties {@code name=value} settings over it
	 */
	public static Duration of(String serviceProperties, String... properties) {
		Path directory = directory();
		AtomicReference<Duration> interval = new AtomicReference<>();
		try {
			new ApplicationContextRunner().withInitializer((context) -> {
				if (serviceProperties != null) {
					context.getEnvironment().getPropertySources().addLast(resource(serviceProperties));
				}
			})
				.withUserConfiguration(ProfilesConfig.class)
				.withBean(SimpleMeterRegistry.class)
				.withPropertyValues("politely.profiles-dir=" + directory)
				.withPropertyValues(properties)
				.run((started) -> {
					ScheduledTask rescan = started.getBean(ScheduledAnnotationBeanPostProcessor.class)
						.getScheduledTasks()
						.iterator()
						.next();
					FixedDelayTask task = (FixedDelayTask) rescan.getTask();
					assertThat(task.getInitialDelayDuration()).isEqualTo(task.getIntervalDuration());
					interval.set(task.getIntervalDuration());
				});
			return interval.get();
		}
		finally {
			FileSystemUtils.deleteRecursively(directory.toFile());
		}
	}

	private static ResourcePropertySource resource(String name) {
		try {
			return new ResourcePropertySource("classpath:" + name);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path directory() {
		try {
			return Files.createTempDirectory("politely-profiles");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
