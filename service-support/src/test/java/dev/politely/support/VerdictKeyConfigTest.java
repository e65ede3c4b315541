package dev.politely.support;

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
	void startsWithTheKeysOfTheSetting() {
		this.context
			.withPropertyValues("politely.verdict-key=k2:QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=,"
					+ "k1:QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=")
			.run((started) -> assertThat(started.getBean(VerdictKeys.class).signingKid()).isEqualTo("k2"));
	}

}
