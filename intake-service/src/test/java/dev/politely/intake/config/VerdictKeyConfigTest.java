package dev.politely.intake.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import dev.politely.webhook.verdict.VerdictKeys;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class VerdictKeyConfigTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(VerdictKeyConfig.class);

	@Test
	void refusesToStartWithoutAVerdictKeyAndSaysWhatToSet() {
		this.context.run((started) -> assertThat(started).hasFailed()
			.getFailure()
			.rootCause()
			.hasMessageContaining("POLITELY_VERDICT_KEY is not set"));
		this.context.withPropertyValues("politely.verdict-key=")
			.run((started) -> assertThat(started).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("POLITELY_VERDICT_KEY is not set"));
	}

	@Test
	void theServiceDefaultsGiveNoKey() throws IOException {
		Properties defaults = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/intake-service.properties")) {
			defaults.load(in);
		}
		// a key written here would be public: only the environment gives one
		assertThat(defaults.getProperty("politely.verdict-key")).isEqualTo("${POLITELY_VERDICT_KEY:}");
	}

	@Test
	void startsWithTheKeysOfTheSetting() {
		this.context
			.withPropertyValues("politely.verdict-key=k2:QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=,"
					+ "k1:QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=")
			.run((started) -> assertThat(started.getBean(VerdictKeys.class).signingKid()).isEqualTo("k2"));
	}

}
