package dev.politely.intake.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Typed configuration of the intake service, defaults in
 * {@code intake-service.properties}. The profiles' settings
 * ({@code politely.profiles-dir}, {@code politely.profiles-rescan-interval}) are read by
 * service-support's {@code ProfilesConfig}.
 *
 * @param publicUrl public base URL of the intake service
 */
@ConfigurationProperties("politely")
public record IntakeProperties(@DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue Topics topics,
		@DefaultValue Intake intake, @DefaultValue Readiness readiness) {

	/**
	 * @param solicitations the topic the accepted solicitations are written to
	 * @param verdicts the topic the owners' verdicts are written to, co-partitioned with
	 * {@code solicitations}
	 * @param partitions partitions of both, fixed once created
	 * @param replicas replication factor of both
	 * @param minInsyncReplicas replicas that must have a write before it is acknowledged
	 * ({@code acks=all})
	 */
	public record Topics(@DefaultValue("politely.solicitations") String solicitations,
			@DefaultValue("politely.verdicts") String verdicts, @DefaultValue("6") int partitions,
			@DefaultValue("1") short replicas, @DefaultValue("1") int minInsyncReplicas) {
	}

	/**
	 * @param sendTimeout longest wait for Kafka's acknowledgement before the caller is
	 * told to retry
	 * @param recentDeliveries how many accepted webhook ids are remembered to answer
	 * redeliveries without a rewrite
	 * @param rateLimit how many authenticated deliveries one owner may make
	 */
	public record Intake(@DefaultValue("6s") Duration sendTimeout, @DefaultValue("10000") int recentDeliveries,
			@DefaultValue RateLimit rateLimit) {
	}

	/**
	 * One Resilience4j rate limiter per owner: {@code limitForPeriod} deliveries per
	 * {@code limitRefreshPeriod}.
	 *
	 * @param timeout how long a delivery over the limit waits for a permission before it
	 * is answered 429
	 */
	public record RateLimit(@DefaultValue("50") int limitForPeriod, @DefaultValue("1s") Duration limitRefreshPeriod,
			@DefaultValue("0s") Duration timeout) {
	}

	/**
	 * @param consumerGroups groups that must be stable with a member for the pipeline to
	 * be ready; empty: broker only
	 * @param timeout longest wait for the broker's answer
	 * @param cacheFor how long an answer is reused, so that health checks stay cheap
	 * @param policyUrl public base URL of the policy service, whose health status must be
	 * UP (its stream runs and its state answers queries); empty: not checked
	 */
	public record Readiness(@DefaultValue( {
			"politely-policy", "politely-notification" }) List<String> consumerGroups,
			@DefaultValue("2s") Duration timeout, @DefaultValue("1s") Duration cacheFor,
			@DefaultValue("http://localhost:8081") String policyUrl){
	}

}
