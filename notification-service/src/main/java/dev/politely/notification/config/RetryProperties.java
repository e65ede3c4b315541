package dev.politely.notification.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Back-off of a decision whose emails could not be sent (SMTP down): retried, never
 * skipped, until {@code maxElapsed}; only then written to the dead-letter topic
 * ({@code politely.retry.*}, defaults in {@code notification-service.properties}). The
 * error handler's, read by nothing else.
 *
 * @param initialInterval first wait
 * @param multiplier growth of the wait
 * @param maxInterval longest single wait; must stay under the consumer's
 * max.poll.interval.ms
 * @param maxElapsed how long a decision is retried in all
 */
@ConfigurationProperties("politely.retry")
record RetryProperties(@DefaultValue("1s") Duration initialInterval, @DefaultValue("2.0") double multiplier,
		@DefaultValue("1m") Duration maxInterval, @DefaultValue("24h") Duration maxElapsed) {
}
