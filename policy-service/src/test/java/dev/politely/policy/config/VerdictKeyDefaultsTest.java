package dev.politely.policy.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The policy's own defaults give no verdict key, so the shared configuration
 * (service-support's {@code VerdictKeyConfig}, tested there) refuses to start it until
 * {@code POLITELY_VERDICT_KEY} is set.
 */
class VerdictKeyDefaultsTest {

	@Test
	void theServiceDefaultsGiveNoKey() throws IOException {
		Properties defaults = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/policy-service.properties")) {
			defaults.load(in);
		}
		// a key written here would be public: only the environment gives one
		assertThat(defaults.getProperty("politely.verdict-key")).isEqualTo("${POLITELY_VERDICT_KEY:}");
	}

}
