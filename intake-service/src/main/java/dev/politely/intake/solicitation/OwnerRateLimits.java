package dev.politely.intake.solicitation;

import java.time.Duration;

import dev.politely.intake.config.IntakeProperties;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;

import org.springframework.stereotype.Component;

/**
 * One Resilience4j rate limiter per owner, made the first time the owner delivers, all
 * with {@code politely.intake.rate-limit}. Only authenticated deliveries count, so that
 * nobody can spend an owner's budget without the owner's secret.
 */
@Component
public class OwnerRateLimits {

	private final RateLimiterRegistry limiters;

	public OwnerRateLimits(IntakeProperties properties) {
		IntakeProperties.RateLimit limit = properties.intake().rateLimit();
		this.limiters = RateLimiterRegistry.of(RateLimiterConfig.custom()
			.limitForPeriod(limit.limitForPeriod())
			.limitRefreshPeriod(limit.limitRefreshPeriod())
			.timeoutDuration(limit.timeout())
			.build());
	}

	/**
	 * Takes one permission for this owner.
	 * @throws OverRateLimitException with how long until the next permission, when there
	 * is none left
	 */
	void acquire(String ownerId) {
		RateLimiter limiter = this.limiters.rateLimiter(ownerId);
		if (!limiter.acquirePermission()) {
			throw new OverRateLimitException(ownerId, untilNextPermission(limiter));
		}
	}

	private static Duration untilNextPermission(RateLimiter limiter) {
		if (limiter instanceof AtomicRateLimiter atomic) {
			long nanos = atomic.getDetailedMetrics().getNanosToWait();
			if (nanos > 0) {
				return Duration.ofNanos(nanos);
			}
		}
		return limiter.getRateLimiterConfig().getLimitRefreshPeriod();
	}

}
