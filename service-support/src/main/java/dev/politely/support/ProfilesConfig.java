package dev.politely.support;

import java.nio.file.Path;

import dev.politely.profile.ProfileDirectory;
import dev.politely.profile.RefusedProfileCounter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The owners' profiles of {@code politely.profiles-dir}, through the one reader
 * (owner-profile, contract section 2): read at start and rescanned on Spring's scheduler,
 * so that an edit takes effect within seconds without a restart; an invalid edit keeps
 * the last valid profile and counts in {@code politely.profile.invalid}. Each rescan's
 * {@link ProfileDirectory.Changes} is published as an application event, for what a
 * service derives from the profiles.
 *
 * <p>
 * The rescan interval kept the name each service gave it before this class was shared
 * ({@code politely.profiles-rescan-interval} on the intake,
 * {@code politely.profiles-refresh} on the policy): their properties bind it to
 * {@value #RESCAN_EVERY}. The notification's own name, {@code politely.profiles-rescan},
 * is the fallback, so that an intake or a policy never reads the notification's variable.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ProfilesConfig {

	/** The rescan interval, as each service's properties bind it. */
	public static final String RESCAN_EVERY = "politely.profiles-rescan-every";

	private static final String RESCAN = "${" + RESCAN_EVERY + ":${politely.profiles-rescan:5s}}";

	private final ProfileDirectory profiles;

	private final ApplicationEventPublisher events;

	ProfilesConfig(@Value("${politely.profiles-dir:config/profiles}") Path directory, MeterRegistry registry,
			ApplicationEventPublisher events) {
		this.profiles = new ProfileDirectory(directory.toAbsolutePath().normalize(),
				new RefusedProfileCounter(registry));
		this.events = events;
	}

	@Bean
	ProfileDirectory profileDirectory() {
		return this.profiles;
	}

	/** On the schedule; a test calls it rather than wait. */
	@Scheduled(initialDelayString = RESCAN, fixedDelayString = RESCAN)
	public void rescan() {
		this.events.publishEvent(this.profiles.refresh());
	}

}
