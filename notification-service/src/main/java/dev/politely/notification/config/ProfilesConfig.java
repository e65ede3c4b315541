package dev.politely.notification.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.politely.profile.ProfileDirectory;
import dev.politely.profile.RefusedProfileCounter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The owners' profiles, through the shared reader (contract section 2): read at start and
 * rescanned every {@code politely.profiles-rescan}, so that a new or rotated secret signs
 * the callbacks without a restart, and an invalid edit keeps the last valid profile (and
 * counts in {@code politely.profile.invalid}).
 */
@Configuration(proxyBeanMethods = false)
class ProfilesConfig {

	@Bean(destroyMethod = "shutdownNow")
	ScheduledExecutorService profileRefresher() {
		return Executors.newSingleThreadScheduledExecutor(r -> {
			Thread t = new Thread(r, "profile-refresh");
			t.setDaemon(true);
			return t;
		});
	}

	@Bean
	ProfileDirectory profileDirectory(NotificationProperties properties, ScheduledExecutorService profileRefresher,
			MeterRegistry registry) {
		ProfileDirectory profiles = new ProfileDirectory(properties.profilesDir(), new RefusedProfileCounter(registry));
		long every = properties.profilesRescan().toMillis();
		profileRefresher.scheduleWithFixedDelay(profiles::refresh, every, every, TimeUnit.MILLISECONDS);
		return profiles;
	}

}
