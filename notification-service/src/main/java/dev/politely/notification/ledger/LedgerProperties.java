package dev.politely.notification.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The delivery ledger and the other tables read on partition assignment
 * ({@code politely.ledger.*}), defaults in {@code notification-service.properties}.
 * Public: the Kafka wiring gives the ledger topic the same retention, and checks it
 * against the decisions' retries.
 *
 * @param writeTimeout longest wait for the broker to take a ledger, digest or callback
 * record
 * @param loadTimeout longest wait to read a partition of the ledger (or digests,
 * callbacks) to its end
 * @param retention how long a delivery is remembered, in the ledger topic
 * ({@code retention.ms}) and in memory: longer than a decision can come back (its
 * retries, {@code politely.retry.max-elapsed}; a replay of its dead-letter topic or a
 * re-read of {@code politely.decisions}, both kept 7 days by the broker's default)
 */
@ConfigurationProperties("politely.ledger")
public record LedgerProperties(@DefaultValue("10s") Duration writeTimeout, @DefaultValue("60s") Duration loadTimeout,
		@DefaultValue("30d") Duration retention) {
}
