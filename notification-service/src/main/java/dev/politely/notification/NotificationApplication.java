package dev.politely.notification;

import java.time.Clock;

import dev.politely.support.ProfilesConfig;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Import(ProfilesConfig.class) // the owners' profiles, rescanned: service-support
@PropertySource("classpath:notification-service.properties")
public class NotificationApplication {

	public static void main(String[] args) {
		// Jakarta Mail otherwise looks its stream provider up through the service loader
		// on every MIME operation, which in a Boot fat jar was most of this service's CPU
		// (the figure is in BENCHMARKS.md); naming it skips the lookup.
		if (System.getProperty("jakarta.mail.util.StreamProvider") == null) {
			System.setProperty("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
		}
		SpringApplication.run(NotificationApplication.class, args);
	}

	/**
	 * The one clock of every feature (digest times, ledger expiry, decision-to-delivery
	 * timers); tests bring one they control.
	 */
	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

}
