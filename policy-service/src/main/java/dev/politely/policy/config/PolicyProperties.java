package dev.politely.policy.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The policy service's settings ({@code politely.*}). The profiles' settings
 * ({@code politely.profiles-dir}, {@code politely.profiles-refresh}) are read by
 * service-support's {@code ProfilesConfig}.
 *
 * @param publicUrl the intake's public base URL, for the verdict links of REVIEW emails
 * @param verdictTtl how long a verdict link stays valid
 * @param state how long the stream's per-solicitation state is kept, and how parked
 * solicitations are retried
 * @param health when the stream counts as healthy
 */
@ConfigurationProperties("politely")
public record PolicyProperties(String publicUrl, Duration verdictTtl, Topics topics, @DefaultValue State state,
		@DefaultValue Health health) {

	public PolicyProperties {
		// An entry purged before its verdict link expires would turn a valid verdict into
		// "no pending review"; one purged inside the redelivery window would decide a
		// redelivered solicitation twice.
		if (state != null && verdictTtl != null && state.retention().compareTo(verdictTtl) < 0) {
			throw new IllegalArgumentException("politely.state.retention (" + state.retention()
					+ ") must be at least politely.verdict-ttl (" + verdictTtl + ")");
		}
		if (state != null && state.retention().compareTo(state.redeliveryWindow()) < 0) {
			throw new IllegalArgumentException("politely.state.retention (" + state.retention()
					+ ") must be at least politely.state.redelivery-window (" + state.redeliveryWindow() + ")");
		}
	}

	/**
	 * @param partitions partitions of every topic, fixed once created
	 * @param replicas replication factor of every topic, the Streams internal ones too
	 * @param minInsyncReplicas replicas that must have a write before it is acknowledged
	 */
	public record Topics(String solicitations, String verdicts, String decisions, int partitions, short replicas,
			int minInsyncReplicas) {

		public String deadLetters() {
			return solicitations + "-dlt";
		}
	}

	/**
	 * @param retention how long a decided, pending or parked entry is kept after its last
	 * change
	 * @param redeliveryWindow how long after acceptance a sender may deliver the same
	 * solicitation again; the retention must cover it
	 * @param purgeEvery how often (wall clock) a slice of the stores is checked for
	 * expired entries
	 * @param purgeBatch how many entries of each store a purge checks at most, so a purge
	 * never stalls the stream thread
	 * @param parkedRetry first wait before a parked solicitation's owner is checked again
	 * @param parkedRetryMax longest wait between two checks (the wait doubles up to it)
	 */
	public record State(@DefaultValue("30d") Duration retention, @DefaultValue("7d") Duration redeliveryWindow,
			@DefaultValue("1m") Duration purgeEvery, @DefaultValue("1000") int purgeBatch,
			@DefaultValue("1s") Duration parkedRetry, @DefaultValue("1m") Duration parkedRetryMax) {

		/** The defaults, for code that builds the topology without Spring. */
		public static State defaults() {
			return new State(Duration.ofDays(30), Duration.ofDays(7), Duration.ofMinutes(1), 1000,
					Duration.ofSeconds(1), Duration.ofMinutes(1));
		}
	}

	/**
	 * @param rebalancingGrace how long a rebalance (after the stream once ran) still
	 * counts as UP
	 */
	public record Health(@DefaultValue("30s") Duration rebalancingGrace) {
	}
}
