package dev.politely.notification.config;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Typed configuration of the notification service, defaults in {@code notification-service.properties}.
 *
 * @param topics the topic read and its dead-letter topic
 * @param mail the SMTP server and the sender address
 * @param retry how long a decision whose emails cannot be sent is retried
 */
@ConfigurationProperties("politely")
public record NotificationProperties(
		@DefaultValue Topics topics,
		@DefaultValue Mail mail,
		@DefaultValue Retry retry) {

	/**
	 * @param decisions the topic of the policy service's decisions
	 * @param partitions partitions of the declared topics
	 * @param replicas replication factor of the declared topics
	 */
	public record Topics(
			@DefaultValue("politely.decisions") String decisions,
			@DefaultValue("6") int partitions,
			@DefaultValue("1") short replicas) {

		/** Spring Kafka's default dead-letter name, kept explicit because other tools read that topic. */
		public String decisionsDeadLetter() {
			return decisions + "-dlt";
		}
	}

	/**
	 * @param host SMTP host
	 * @param port SMTP port
	 * @param from the sender address of every email (the owner's own address is never shown to requesters)
	 * @param username SMTP login, empty for none
	 * @param password SMTP password
	 * @param connectionTimeout longest wait to open the SMTP connection
	 * @param timeout longest wait for one SMTP answer
	 */
	public record Mail(
			@DefaultValue("localhost") String host,
			@DefaultValue("3025") int port,
			@DefaultValue("politely@politely.local") String from,
			String username,
			String password,
			@DefaultValue("5s") Duration connectionTimeout,
			@DefaultValue("10s") Duration timeout) {
	}

	/**
	 * Back-off of a decision whose emails could not be sent (SMTP down): retried, never skipped, until
	 * {@code maxElapsed}; only then written to the dead-letter topic.
	 *
	 * @param initialInterval first wait
	 * @param multiplier growth of the wait
	 * @param maxInterval longest single wait; must stay under the consumer's max.poll.interval.ms
	 * @param maxElapsed how long a decision is retried in all
	 */
	public record Retry(
			@DefaultValue("1s") Duration initialInterval,
			@DefaultValue("2.0") double multiplier,
			@DefaultValue("1m") Duration maxInterval,
			@DefaultValue("24h") Duration maxElapsed) {
	}

}
