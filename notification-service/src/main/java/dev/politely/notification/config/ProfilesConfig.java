package dev.politely.notification.config;

import dev.politely.profile.ProfileDirectory;
import dev.politely.profile.RefusedProfileCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The owners' profiles, through the shared reader (contract section 2): read at start and
 * rescanned every {@code politely.profiles-rescan}, so that a new or rotated secret signs
 * the callbacks without a restart, and an invalid edit keeps the last valid profile (and
 * counts in {@code politely.profile.invalid}).
 */
@Configuration(proxyBeanMethods = false)
class ProfilesConfig {

	private final ProfileDirectory profiles;

	ProfilesConfig(NotificationProperties properties, MeterRegistry registry) {
		this.profiles = new ProfileDirectory(properties.profilesDir(), new RefusedProfileCounter(registry));
	}

	@Bean
	ProfileDirectory profileDirectory() {
		return this.profiles;
	}

	@Scheduled(initialDelayString = "${politely.profiles-rescan:5s}",
			fixedDelayString = "${politely.profiles-rescan:5s}")
	void rescan() {
		this.profiles.refresh();
	}

}
