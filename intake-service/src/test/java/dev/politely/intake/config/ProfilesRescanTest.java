package dev.politely.intake.config;

import dev.politely.support.RescanInterval;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared profile reader rescans as the intake's own setting says,
 * {@code politely.profiles-rescan-interval}: the name users set did not change when the
 * reader moved to service-support.
 */
class ProfilesRescanTest {

	@Test
	void rescansEveryTwoSecondsByDefault() {
		assertThat(RescanInterval.of("intake-service.properties")).hasSeconds(2);
	}

	@Test
	void rescansAsItsOwnSettingSays() {
		assertThat(RescanInterval.of("intake-service.properties", "politely.profiles-rescan-interval=300ms"))
			.hasMillis(300);
	}

}
