package dev.politely.notification.callback;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

import dev.politely.profile.Profile;
import dev.politely.profile.ProfileDirectory;
import dev.politely.webhook.signature.WebhookSecret;
import dev.politely.webhook.signature.WebhookSignatureVerifier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One attempt at one callback: a signed POST with a connect timeout and one deadline for
 * the whole exchange, the answer's body included ({@link CallbackExchange}). Tells what
 * happened: delivered (2xx), worth another try (5xx, 429, 408, a timeout, a connection
 * error, no valid profile yet), or refused for good (any other status, a URL that is not
 * a web URL, or one outside the origins the owner's profile allows).
 */
@Component
class CallbackSender {

	private final CallbackExchange exchange;

	private final ProfileDirectory profiles;

	private final Clock clock;

	/**
	 * @param requestTimeout the longest one attempt may take, from the request sent to
	 * the last byte of the answer read
	 */
	CallbackSender(Duration connectTimeout, Duration requestTimeout, ProfileDirectory profiles, Clock clock) {
		this.exchange = new CallbackExchange(connectTimeout, requestTimeout);
		this.profiles = profiles;
		this.clock = clock;
	}

	/** The owners' secrets come from the profiles, read by the shared reader. */
	@Autowired
	CallbackSender(CallbackProperties settings, ProfileDirectory profiles, Clock clock) {
		this(settings.connectTimeout(), settings.requestTimeout(), profiles, clock);
	}

	/** What an attempt gave. */
	sealed interface Result {

		/** The receiver took it. */
		record Delivered(int status) implements Result {
		}

		/** Try again, after {@code retryAfter} when the receiver said so. */
		record Retry(String reason, Duration retryAfter) implements Result {
		}

		/** Trying again would not help. */
		record Refused(String reason) implements Result {
		}

	}

	Result post(CallbackJob job) {
		URI uri;
		try {
			uri = URI.create(job.url());
		}
		catch (IllegalArgumentException ex) {
			return new Result.Refused("callbackUrl is not a URL");
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			return new Result.Refused("callbackUrl is not an http(s) URL");
		}
		Optional<Profile> profile = profiles.find(job.ownerId());
		if (profile.isEmpty()) {
			return new Result.Retry("no valid profile for the owner", null);
		}
		if (!profile.get().allowsCallbackTo(job.url())) {
			// checked again at send time: never post to an origin the owner did not list
			return new Result.Refused(
					"callbackUrl origin not allowed by the owner's profile (callbackUrl, " + "callbackOrigins)");
		}
		WebhookSecret secret = WebhookSecret.parse(profile.get().webhookSecret());
		byte[] body = job.body().getBytes(StandardCharsets.UTF_8);
		String webhookId = job.decisionId().toString();
		String timestamp = Long.toString(clock.instant().getEpochSecond());
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(this.exchange.deadline())
			.header("Content-Type", "application/json")
			.header("User-Agent", "Politely")
			.header("webhook-id", webhookId)
			.header("webhook-timestamp", timestamp)
			.header("webhook-signature", WebhookSignatureVerifier.signature(secret, webhookId, timestamp, body))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		HttpResponse<Void> response;
		try {
			response = this.exchange.send(request);
		}
		catch (HttpTimeoutException ex) {
			return new Result.Retry("timeout", null);
		}
		catch (IOException ex) {
			return new Result.Retry("connection error: " + ex.getClass().getSimpleName(), null);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result.Retry("interrupted", null);
		}
		int status = response.statusCode();
		if (status >= 200 && status < 300) {
			return new Result.Delivered(status);
		}
		if (status >= 500 || status == 429 || status == 408) {
			return new Result.Retry("HTTP " + status,
					response.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null));
		}
		return new Result.Refused("HTTP " + status);
	}

	/**
	 * {@code Retry-After}: delay-seconds or an HTTP date (RFC 9110); anything else is
	 * ignored.
	 */
	Duration retryAfter(String value) {
		String trimmed = value.trim();
		if (trimmed.matches("[0-9]{1,9}")) {
			return Duration.ofSeconds(Long.parseLong(trimmed));
		}
		try {
			Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
			return Duration.between(clock.instant(), at);
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
