package dev.politely.profile;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts refused profile contents as {@code politely.profile.invalid}, tagged by owner:
 * the same metric in every service. Each owner's counter is registered at zero as soon as
 * their file is seen, so that an alert on {@code increase()} sees the first refusal.
 */
public final class RefusedProfileCounter implements ProfileDirectory.Listener {

	public static final String METRIC = "politely.profile.invalid";

	private final MeterRegistry registry;

	public RefusedProfileCounter(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void seen(String owner) {
		counter(owner);
	}

	@Override
	public void refused(String owner, List<ProfileError> errors) {
		counter(owner).increment();
	}

	private Counter counter(String owner) {
		return Counter.builder(METRIC)
			.description("Profile contents refused by validation; the owner keeps their last valid profile")
			.tag("owner", owner)
			.register(registry);
	}

}
