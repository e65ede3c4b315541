package dev.politely.intake.solicitation;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code politely.solicitations.received}: one count per webhook delivery, tagged
 * {@code owner} (a known owner's id, else {@code unknown}), {@code kind} (the contract's
 * kind of a valid body, else {@code invalid}), {@code platform}, {@code status} (the
 * class, {@code 2xx}) and {@code status_code}. Never a requester's name, email or any
 * free text; the platform is the caller's text, so it is kept only in a bounded set.
 */
@Component
public class SolicitationMetrics {

	static final String RECEIVED = "politely.solicitations.received";

	static final String UNKNOWN = "unknown";

	static final String OTHER = "other";

	/** At most this many distinct platform tags, then {@value #OTHER}. */
	static final int MAX_PLATFORMS = 50;

	private static final Pattern PLATFORM = Pattern.compile("[a-z0-9 ._-]{1,40}");

	private final MeterRegistry registry;

	private final Set<String> platforms = new HashSet<>();

	/**
	 * The counters already registered, by their tags: building and registering one (tags
	 * sorted, meter filters, the registry's lookup) cost more than the increment, on
	 * every delivery. As bounded as the tags themselves.
	 */
	private final ConcurrentMap<Tags, Counter> counters = new ConcurrentHashMap<>();

	public SolicitationMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	public void count(DeliveryFacts facts, int status) {
		Tags tags = new Tags((facts.knownOwner() != null) ? facts.knownOwner() : UNKNOWN,
				(facts.kind() != null) ? facts.kind() : "invalid", platformTag(facts.platform()), status);
		this.counters.computeIfAbsent(tags, this::register).increment();
	}

	private Counter register(Tags tags) {
		return Counter.builder(RECEIVED)
			.description("Webhook deliveries, by owner, kind, platform and answer")
			.tag("owner", tags.owner())
			.tag("kind", tags.kind())
			.tag("platform", tags.platform())
			.tag("status", (tags.status() / 100) + "xx")
			.tag("status_code", Integer.toString(tags.status()))
			.register(this.registry);
	}

	private synchronized String platformTag(String platform) {
		if (platform == null) {
			return UNKNOWN;
		}
		String tag = platform.toLowerCase(Locale.ROOT);
		if (!PLATFORM.matcher(tag).matches()) {
			return OTHER;
		}
		if (this.platforms.contains(tag) || (this.platforms.size() < MAX_PLATFORMS && this.platforms.add(tag))) {
			return tag;
		}
		return OTHER;
	}

	private record Tags(String owner, String kind, String platform, int status) {
	}

}
