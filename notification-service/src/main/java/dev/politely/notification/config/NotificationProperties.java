package dev.politely.notification.config;

import java.nio.file.Path;
import java.time.Duration;

import dev.politely.notification.delivery.SmtpTls;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Typed configuration of the notification service, defaults in
 * {@code notification-service.properties}.
 *
 * @param topics the topic read and its dead-letter topic
 * @param mail the SMTP server and the sender address
 * @param retry how long a decision whose emails cannot be sent is retried
 * @param callback the callback channel
 * @param digest the owners' daily digests
 * @param ledger the delivery ledger and the other tables read on partition assignment
 * @param profilesDir the owners' profile files, where the callbacks' webhook secrets are
 * read
 * @param profilesRescan how often the profile files are read again
 */
@ConfigurationProperties("politely")
public record NotificationProperties(@DefaultValue Topics topics, @DefaultValue Mail mail, @DefaultValue Retry retry,
		@DefaultValue Callback callback, @DefaultValue Digest digest, @DefaultValue Ledger ledger,
		@DefaultValue("config/profiles") Path profilesDir, @DefaultValue("5s") Duration profilesRescan) {

	/**
	 * @param decisions the topic of the policy service's decisions
	 * @param deliveries the delivery ledger (compacted), partitioned like the decisions
	 * @param callbacks the pending callback jobs (compacted), partitioned like the
	 * decisions
	 * @param digests the pending digest lines (compacted), partitioned like the decisions
	 * @param partitions partitions of the declared topics: the same for all, the ledger
	 * design relies on it
	 * @param replicas replication factor of the declared topics
	 * @param minInsyncReplicas replicas that must have a write before it is acknowledged
	 */
	public record Topics(@DefaultValue("politely.decisions") String decisions,
			@DefaultValue("politely.deliveries") String deliveries,
			@DefaultValue("politely.callbacks") String callbacks, @DefaultValue("politely.digests") String digests,
			@DefaultValue("6") int partitions, @DefaultValue("1") short replicas,
			@DefaultValue("1") int minInsyncReplicas) {

		/**
		 * Spring Kafka's default dead-letter name, kept explicit because other tools read
		 * that topic.
		 */
		public String decisionsDeadLetter() {
			return decisions + "-dlt";
		}

		public String callbacksDeadLetter() {
			return callbacks + "-dlt";
		}
	}

	/**
	 * @param connectTimeout longest wait to connect to a receiver
	 * @param requestTimeout longest time one attempt may take, from the request to the
	 * last byte of the answer (its body is read up to 64 KiB and dropped)
	 * @param backoff when a failed callback is tried again
	 * @param workers threads that post callbacks
	 * @param perEndpoint attempts under way at once against one host and port (host in
	 * lower case, default port made explicit)
	 */
	public record Callback(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout,
			@DefaultValue Backoff backoff, @DefaultValue("8") int workers, @DefaultValue("2") int perEndpoint) {
	}

	/**
	 * @param initial wait after the first failure
	 * @param multiplier growth of the wait
	 * @param max longest wait
	 * @param maxAttempts attempts in all; then the dead-letter topic
	 * @param jitter random part of each wait, plus or minus this fraction
	 */
	public record Backoff(@DefaultValue("2s") Duration initial, @DefaultValue("3.0") double multiplier,
			@DefaultValue("10m") Duration max, @DefaultValue("8") int maxAttempts, @DefaultValue("0.2") double jitter) {
	}

	/**
	 * @param checkInterval how often due digests are looked for
	 */
	public record Digest(@DefaultValue("30s") Duration checkInterval) {
	}

	/**
	 * @param writeTimeout longest wait for the broker to take a ledger, digest or
	 * callback record
	 * @param loadTimeout longest wait to read a partition of the ledger (or digests,
	 * callbacks) to its end
	 * @param retention how long a delivery is remembered, in the ledger topic
	 * ({@code retention.ms}) and in memory: longer than a decision can come back (its
	 * retries, {@code politely.retry.max-elapsed}; a replay of its dead-letter topic or a
	 * re-read of {@code politely.decisions}, both kept 7 days by the broker's default)
	 */
	public record Ledger(@DefaultValue("10s") Duration writeTimeout, @DefaultValue("60s") Duration loadTimeout,
			@DefaultValue("30d") Duration retention) {
	}

	/**
	 * @param host SMTP host
	 * @param port SMTP port
	 * @param from the sender address of every email (the owner's own address is never
	 * shown to requesters)
	 * @param username SMTP login, empty for none
	 * @param password SMTP password
	 * @param connectionTimeout longest wait to open the SMTP connection
	 * @param timeout longest wait for one SMTP answer
	 * @param connections how many SMTP connections are kept open at most (one per
	 * listener thread is enough)
	 * @param tls how the connection is protected: STARTTLS required (the default), SMTPS,
	 * or none (a local sink, never with credentials)
	 * @param tlsTrust hosts whose certificate is trusted as it is (a test server's
	 * self-signed one); empty in production
	 */
	public record Mail(@DefaultValue("localhost") String host, @DefaultValue("3025") int port,
			@DefaultValue("politely@politely.local") String from, String username, String password,
			@DefaultValue("5s") Duration connectionTimeout, @DefaultValue("10s") Duration timeout,
			@DefaultValue("2") int connections, @DefaultValue("starttls") SmtpTls tls, String tlsTrust) {
	}

	/**
	 * Back-off of a decision whose emails could not be sent (SMTP down): retried, never
	 * skipped, until {@code maxElapsed}; only then written to the dead-letter topic.
	 *
	 * @param initialInterval first wait
	 * @param multiplier growth of the wait
	 * @param maxInterval longest single wait; must stay under the consumer's
	 * max.poll.interval.ms
	 * @param maxElapsed how long a decision is retried in all
	 */
	public record Retry(@DefaultValue("1s") Duration initialInterval, @DefaultValue("2.0") double multiplier,
			@DefaultValue("1m") Duration maxInterval, @DefaultValue("24h") Duration maxElapsed) {
	}

}
