package dev.politely.notification.callback;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The callback channel ({@code politely.callback.*}), defaults in
 * {@code notification-service.properties}.
 *
 * @param connectTimeout longest wait to connect to a receiver
 * @param requestTimeout longest time one attempt may take, from the request to the last
 * byte of the answer (its body is read up to 64 KiB and dropped)
 * @param backoff when a failed callback is tried again
 * @param workers threads that post callbacks
 * @param perEndpoint attempts under way at once against one host and port (host in lower
 * case, default port made explicit)
 */
@ConfigurationProperties("politely.callback")
record CallbackProperties(@DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout,
		@DefaultValue Backoff backoff, @DefaultValue("8") int workers, @DefaultValue("2") int perEndpoint) {

	/**
	 * @param initial wait after the first failure
	 * @param multiplier growth of the wait
	 * @param max longest wait
	 * @param maxAttempts attempts in all; then the dead-letter topic
	 * @param jitter random part of each wait, plus or minus this fraction
	 */
	record Backoff(@DefaultValue("2s") Duration initial, @DefaultValue("3.0") double multiplier,
			@DefaultValue("10m") Duration max, @DefaultValue("8") int maxAttempts, @DefaultValue("0.2") double jitter) {

		CallbackBackoff schedule() {
			return new CallbackBackoff(initial, multiplier, max, maxAttempts, jitter);
		}

	}

}
