package dev.politely.intake.solicitation;

import java.util.Set;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SolicitationMetricsTest {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final SolicitationMetrics metrics = new SolicitationMetrics(this.registry);

	@Test
	void keepsThePlatformTagToABoundedSet() {
		for (int i = 0; i < 200; i++) {
			count("platform-" + i);
		}
		count("<script>alert(1)</script>");
		count("x".repeat(41));
		count("platform-0");

		Set<String> platforms = platforms();
		assertThat(platforms).hasSize(SolicitationMetrics.MAX_PLATFORMS + 1)
			.contains("platform-0", "platform-49", "other")
			.doesNotContain("platform-50", "<script>alert(1)</script>");
		assertThat(this.registry.find(SolicitationMetrics.RECEIVED).tag("platform", "other").counter().count())
			.isEqualTo(150 + 2);
		assertThat(this.registry.find(SolicitationMetrics.RECEIVED).tag("platform", "platform-0").counter().count())
			.isEqualTo(2);
	}

	@Test
	void tagsWhatIsUnknownAsSuch() {
		this.metrics.count(new DeliveryFacts(), 415);

		assertThat(this.registry.find(SolicitationMetrics.RECEIVED)
			.tags("owner", "unknown", "kind", "invalid", "platform", "unknown", "status", "4xx", "status_code", "415")
			.counter()
			.count()).isEqualTo(1);
	}

	private void count(String platform) {
		DeliveryFacts facts = new DeliveryFacts();
		facts.knownOwner("alice");
		facts.validBody("QUESTION", platform);
		this.metrics.count(facts, 202);
	}

	private Set<String> platforms() {
		return this.registry.find(SolicitationMetrics.RECEIVED)
			.counters()
			.stream()
			.map((counter) -> counter.getId().getTag("platform"))
			.collect(Collectors.toSet());
	}

}
