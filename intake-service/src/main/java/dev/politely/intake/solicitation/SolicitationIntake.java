package dev.politely.intake.solicitation;

import dev.politely.webhook.body.InvalidSolicitationException;
import dev.politely.webhook.body.SolicitationValidator;
import dev.politely.webhook.body.Violation;
import dev.politely.webhook.body.Solicitation;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.politely.intake.config.IntakeProperties;
import dev.politely.intake.owner.OwnerDirectory;
import dev.politely.intake.owner.OwnerId;
import dev.politely.intake.owner.Owner;
import dev.politely.webhook.signature.WebhookSecret;
import dev.politely.webhook.signature.WebhookSignatureVerifier;
import dev.politely.webhook.signature.WebhookSignatureVerifier.Delivery;
import dev.politely.webhook.signature.WebhookSignatureVerifier.Verification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Takes one delivery in: authenticate it (owner, timestamp, signature), take one of the
 * owner's rate-limit permissions, validate the body, then write it once. Authentication
 * comes first, so that nobody learns anything about the contract, nor spends an owner's
 * rate limit, without the owner's secret.
 */
@Service
public class SolicitationIntake {

	private static final Logger log = LoggerFactory.getLogger(SolicitationIntake.class);

	private final OwnerDirectory owners;

	private final SolicitationValidator validator;

	private final SolicitationPublisher publisher;

	private final Clock clock;

	private final WebhookSignatureVerifier verifier = new WebhookSignatureVerifier();

	private final WebhookSecret unknownOwnerSecret = WebhookSecret.random();

	private final RecentDeliveries recent;

	private final OwnerRateLimits rateLimits;

	public SolicitationIntake(OwnerDirectory owners, SolicitationValidator validator, SolicitationPublisher publisher,
			OwnerRateLimits rateLimits, Clock clock, IntakeProperties properties) {
		this.owners = owners;
		this.validator = validator;
		this.publisher = publisher;
		this.rateLimits = rateLimits;
		this.clock = clock;
		this.recent = new RecentDeliveries(properties.intake().recentDeliveries());
	}

	/**
	 * @param facts filled in with what is learnt of the delivery as its checks pass, for
	 * the metrics
	 */
	public Receipt receive(String ownerId, Delivery delivery, DeliveryFacts facts) {
		Instant now = this.clock.instant();
		Owner owner = authenticate(ownerId, delivery, now, facts);
		this.rateLimits.acquire(ownerId);
		Solicitation body = this.validator.validate(delivery.body());
		if (body.callbackUrl() != null && !owner.allowsCallbackTo(body.callbackUrl())) {
			// the body is the caller's, the profile the owner's: only the owner sends
			// Politely's requests somewhere (contract section 1)
			throw new InvalidSolicitationException(List.of(new Violation("reply.callbackUrl",
					"must share its origin with the profile's callbackUrl or one of its callbackOrigins")));
		}
		facts.validBody(body.kind(), body.platform());
		UUID solicitationId = solicitationId(ownerId, delivery.webhookId());
		if (this.recent.contains(solicitationId)) {
			log.info("Redelivery of webhook {} for owner {}: solicitation {} already written", delivery.webhookId(),
					ownerId, solicitationId);
			return new Receipt(solicitationId, true);
		}
		Instant acceptedAt = now.truncatedTo(ChronoUnit.MILLIS);
		this.publisher
			.publish(SolicitationReceived.of(solicitationId, ownerId, delivery.webhookId(), acceptedAt, body));
		this.recent.remember(solicitationId);
		log.info("Solicitation {} received for owner {}", solicitationId, ownerId);
		return new Receipt(solicitationId, false);
	}

	/**
	 * Whether this intake wrote the solicitation recently: the status API answers
	 * {@code RECEIVED} for it while the policy has not read it yet.
	 */
	public boolean recentlyWritten(UUID solicitationId) {
		return this.recent.contains(solicitationId);
	}

	/**
	 * The same (owner, webhook id) always gives the same id, across restarts and
	 * instances.
	 */
	public static UUID solicitationId(String ownerId, String webhookId) {
		return UUID.nameUUIDFromBytes(("solicitation:" + ownerId + ":" + webhookId).getBytes(StandardCharsets.UTF_8));
	}

	private Owner authenticate(String ownerId, Delivery delivery, Instant now, DeliveryFacts facts) {
		Owner owner = OwnerId.isValid(ownerId) ? this.owners.find(ownerId).orElse(null) : null;
		// an unknown owner costs the same work as a known one and gets the same answer
		WebhookSecret secret = (owner != null) ? owner.webhookSecret() : this.unknownOwnerSecret;
		Verification verification = this.verifier.verify(secret, delivery, now);
		if (owner == null || !verification.isValid()) {
			String reason = (owner == null) ? "unknown owner" : verification.name();
			log.warn("Delivery refused for owner '{}': {}", loggable(ownerId), reason);
			throw new UnauthenticatedDeliveryException(reason);
		}
		// only now: the metrics are readable by more people than the owner's secret, and
		// must not tell which owners exist to someone who posts unsigned requests
		facts.knownOwner(ownerId);
		return owner;
	}

	private static String loggable(String ownerId) {
		return OwnerId.isValid(ownerId) ? ownerId : "<invalid owner id>";
	}

}
