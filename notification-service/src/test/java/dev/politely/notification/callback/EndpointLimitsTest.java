package dev.politely.notification.callback;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointLimitsTest {

	@Test
	void oneServerIsOneEndpointHoweverItsUrlsSpellIt() {
		assertThat(EndpointLimits.of("http://h/")).isEqualTo(EndpointLimits.of("http://h:80/"))
			.isEqualTo(EndpointLimits.of("http://H/"))
			.isEqualTo(EndpointLimits.of("HTTP://h./hook?x=1"));
		assertThat(EndpointLimits.of("https://Example.COM/a"))
			.isEqualTo(EndpointLimits.of("https://example.com:443/b"));
		assertThat(EndpointLimits.of("https://h/")).isNotEqualTo(EndpointLimits.of("http://h/"));
		assertThat(EndpointLimits.of("http://h:8080/")).isNotEqualTo(EndpointLimits.of("http://h/"));
	}

	@Test
	void capsTheAttemptsPerEndpointWhateverTheSpelling() {
		EndpointLimits limits = new EndpointLimits(2);

		assertThat(limits.tryAcquire(EndpointLimits.of("http://h/"))).isTrue();
		assertThat(limits.tryAcquire(EndpointLimits.of("http://h:80/"))).isTrue();
		assertThat(limits.tryAcquire(EndpointLimits.of("http://H/"))).isFalse();
		assertThat(limits.tryAcquire(EndpointLimits.of("http://other/"))).isTrue();
	}

	@Test
	void forgetsAnEndpointOnceItFallsIdle() {
		EndpointLimits limits = new EndpointLimits(2);
		for (int i = 0; i < 100; i++) {
			String endpoint = EndpointLimits.of("http://receiver-" + i + ".example/");
			assertThat(limits.tryAcquire(endpoint)).isTrue();
			assertThat(limits.tryAcquire(endpoint)).isTrue();
			limits.release(endpoint);
			limits.release(endpoint);
		}

		assertThat(limits.size()).isZero();
		// and a forgotten endpoint starts again with its whole allowance
		String endpoint = EndpointLimits.of("http://receiver-1.example/");
		assertThat(limits.tryAcquire(endpoint)).isTrue();
		assertThat(limits.tryAcquire(endpoint)).isTrue();
		assertThat(limits.tryAcquire(endpoint)).isFalse();
	}

}
