package dev.politely.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

import dev.politely.webhook.signature.WebhookSecret;
import dev.politely.webhook.signature.WebhookSignatureVerifier;
import org.apache.kafka.common.utils.Utils;

/**
 * An owner of the suite: its id, its webhook secret, and the profile the suite writes for
 * it. Every owner has the same settings ({@link OwnerModel} computes outcomes from them),
 * and the suite picks owner ids that land on distinct partitions, so that every policy
 * and notification instance has work when one of two is killed.
 */
record Owner(String id, byte[] secret, int partition) {

	static final String KEYWORDS = "[recruitment, onboarding, training]";
	static final String CONTACT_NAME = "Dana Known";
	static final String CONTACT_EMAIL = "dana.known@contacts.example.org";

	static Owner onPartition(String prefix, int partition, int partitions) {
		for (int i = 0;; i++) {
			String id = prefix + "-" + i;
			if (partitionOf(id, partitions) == partition) {
				byte[] secret = new byte[32];
				new SecureRandom().nextBytes(secret);
				return new Owner(id, secret, partition);
			}
		}
	}

	/**
	 * The producer's default partitioner for a String key: murmur2 of its UTF-8 bytes.
	 */
	static int partitionOf(String key, int partitions) {
		return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
	}

	String email() {
		return id + "@owners.example.org";
	}

	String webhookSecret() {
		return "whsec_" + Base64.getEncoder().encodeToString(secret);
	}

	WebhookSecret secretKey() {
		return WebhookSecret.parse(webhookSecret());
	}

	/**
	 * Standard Webhooks: base64(HMAC-SHA256(secret, "{id}.{timestamp}.{body}")), as a
	 * sender computes it (the callbacks' signatures are checked with it).
	 */
	String sign(String webhookId, String timestamp, byte[] body) {
		return WebhookSignatureVerifier.signature(secretKey(), webhookId, timestamp, body).substring("v1,".length());
	}

	/**
	 * @param callbackOrigin the callback receiver's origin, where the solicitations'
	 * {@code reply.callbackUrl} points (contract section 1)
	 */
	void writeProfile(Path dir, String callbackOrigin) throws IOException {
		String yaml = """
				# written by the fault-injection suite; OwnerModel computes the outcomes these settings give
				owner: %s
				displayName: Owner %s
				email: %s
				language: en
				timezone: UTC
				webhookSecret: %s
				callbackUrl: null
				callbackOrigins: [%s]
				purposes: [NETWORK, CONTRIBUTE]
				activity:
				  keywords: %s
				platforms:
				  professional: [linkedin, xing]
				  private: [facebook, instagram]
				connections:
				  minMutualConnections: %d
				  maxUnknownPerMonth: %d
				recommendations:
				  minRelationship: COLLEAGUE
				  minKnownMonths: 12
				advice:
				  weeklyBudgetMinutes: %d
				  defaultMinutes: %d
				  questionMinutes: %d
				contacts:
				  - name: %s
				    email: %s
				    relationship: COLLEAGUE
				    since: 2015-01-01
				whenUnsure: DECLINE
				""".formatted(id, id, email(), webhookSecret(), callbackOrigin, KEYWORDS, OwnerModel.MIN_MUTUALS,
				OwnerModel.MAX_UNKNOWN, OwnerModel.WEEKLY_BUDGET, OwnerModel.DEFAULT_MINUTES,
				OwnerModel.QUESTION_MINUTES, CONTACT_NAME, CONTACT_EMAIL);
		Files.writeString(dir.resolve(id + ".yml"), yaml, StandardCharsets.UTF_8);
	}
}
