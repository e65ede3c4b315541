package dev.politely.policy.config;

import dev.politely.support.RescanInterval;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared profile reader rescans as the policy's own setting says,
 * {@code politely.profiles-refresh}: the name users set did not change when the reader
 * moved to service-support.
 */
class ProfilesRescanTest {

	@Test
	void rescansEveryTwoSecondsByDefault() {
		assertThat(RescanInterval.of("policy-service.properties")).hasSeconds(2);
	}

	@Test
	void rescansAsItsOwnSettingSays() {
		assertThat(RescanInterval.of("policy-service.properties", "politely.profiles-refresh=300ms")).hasMillis(300);
	}

}
