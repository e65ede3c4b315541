package dev.politely.policy.config;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import dev.politely.profile.ProfileDirectory;
import dev.politely.profile.RefusedProfileCounter;
import dev.politely.webhook.body.SolicitationValidator;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The owners' profiles, read at start and rescanned every
 * {@code politely.profiles-refresh}, so an edit takes effect within seconds without a
 * restart (an invalid edit keeps the last good profile, and counts in
 * {@code politely.profile.invalid}).
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
	ProfileDirectory profileDirectory(PolicyProperties properties, ScheduledExecutorService profileRefresher,
			MeterRegistry registry) {
		ProfileDirectory profiles = new ProfileDirectory(properties.profilesDir(), new RefusedProfileCounter(registry));
		long every = properties.profilesRefresh().toMillis();
		profileRefresher.scheduleWithFixedDelay(profiles::refresh, every, every, TimeUnit.MILLISECONDS);
		return profiles;
	}

	/** The webhook's body rules, for the dry run, which takes the same body. */
	@Bean
	SolicitationValidator solicitationValidator() {
		return new SolicitationValidator();
	}

}
