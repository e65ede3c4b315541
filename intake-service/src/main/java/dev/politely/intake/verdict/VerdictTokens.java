package dev.politely.intake.verdict;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

import dev.politely.intake.owner.Owner;
import dev.politely.intake.owner.OwnerId;
import dev.politely.webhook.verdict.VerdictKeys;

/**
 * Checks a verdict link's token (contracts/verdict-token.md), in the documented order:
 * three parts and five fields, a listed key, a known owner, the mac (constant time), the
 * expiry. A token of the format before key ids (two parts, signed with a key derived from
 * the owner's webhook secret) is malformed: that derivation is not kept even to verify,
 * since a published webhook secret would keep forging links until they expire. Strict:
 * base64url without padding and in canonical form, so that no other spelling of a token
 * passes; UTF-8 only; lower-case canonical UUIDs.
 */
public final class VerdictTokens {

	/**
	 * Far more than any real token (about 200 characters), so that nobody makes us decode
	 * megabytes.
	 */
	static final int MAX_LENGTH = 512;

	private static final int MAC_BYTES = 32;

	/** Between the policy's clock, which set the expiry, and ours. */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

	private static final Pattern SHAPE = Pattern.compile("([A-Za-z0-9_-]{1,32})\\.([A-Za-z0-9_-]+)\\.([A-Za-z0-9_-]+)");

	private static final Pattern UUID_TEXT = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	private static final Pattern EPOCH_SECONDS = Pattern.compile("[0-9]{1,12}");

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private VerdictTokens() {
	}

	/** Why a token is refused; the pages tell nobody which, the log does. */
	public enum Refusal {

		MALFORMED,

		/**
		 * Signed with a key that is not (or no longer) in {@code POLITELY_VERDICT_KEY}.
		 */
		UNKNOWN_KEY,

		UNKNOWN_OWNER, BAD_MAC,

		/**
		 * Signed, but expiring further away than any link the policy makes: whoever
		 * signed it was not the policy.
		 */
		OUTLIVES_TTL

	}

	/** The outcome of a check. */
	public sealed interface Check permits Valid, Expired, Invalid {

	}

	/** Signed by a listed key and not expired: the verdict may be recorded. */
	public record Valid(VerdictToken token, Owner owner) implements Check {
	}

	/** Signed by a listed key, but too late. */
	public record Expired(VerdictToken token, Owner owner) implements Check {
	}

	/**
	 * Not a token a listed key signed: malformed, unknown key or owner, or a mac that
	 * does not match.
	 */
	public record Invalid(Refusal refusal) implements Check {
	}

	/**
	 * @param keys the listed verdict keys; the token names the one that signed it
	 * @param maxLifetime the lifetime of the links the policy makes: a token that expires
	 * later than this from now (give or take a minute of clock skew) is refused
	 */
	public static Check check(String token, VerdictKeys keys, Function<String, Optional<Owner>> owners, Instant now,
			Duration maxLifetime) {
		var shape = (token != null && token.length() <= MAX_LENGTH) ? SHAPE.matcher(token) : null;
		if (shape == null || !shape.matches()) {
			return new Invalid(Refusal.MALFORMED);
		}
		String kid = shape.group(1);
		byte[] payload = decode(shape.group(2));
		byte[] mac = decode(shape.group(3));
		String text = (payload != null) ? utf8(payload) : null;
		if (text == null || mac == null || mac.length != MAC_BYTES) {
			return new Invalid(Refusal.MALFORMED);
		}
		VerdictToken parsed = parse(text);
		if (parsed == null) {
			return new Invalid(Refusal.MALFORMED);
		}
		if (!keys.knows(kid)) {
			return new Invalid(Refusal.UNKNOWN_KEY);
		}
		Owner owner = owners.apply(parsed.ownerId()).orElse(null);
		if (owner == null) {
			return new Invalid(Refusal.UNKNOWN_OWNER);
		}
		if (!keys.verifies(kid, payload, mac)) {
			return new Invalid(Refusal.BAD_MAC);
		}
		if (parsed.expiresAt().isAfter(now.plus(maxLifetime).plus(CLOCK_SKEW))) {
			return new Invalid(Refusal.OUTLIVES_TTL);
		}
		if (!now.isBefore(parsed.expiresAt())) {
			return new Expired(parsed, owner);
		}
		return new Valid(parsed, owner);
	}

	/**
	 * {@code ownerId|solicitationId|reviewDecisionId|ACCEPT or DECLINE|expiresAt}, or
	 * null.
	 */
	private static VerdictToken parse(String payload) {
		String[] fields = payload.split("\\|", -1);
		if (fields.length != 5 || !OwnerId.isValid(fields[0]) || !UUID_TEXT.matcher(fields[1]).matches()
				|| !UUID_TEXT.matcher(fields[2]).matches() || !EPOCH_SECONDS.matcher(fields[4]).matches()) {
			return null;
		}
		Verdict verdict = switch (fields[3]) {
			case "ACCEPT" -> Verdict.ACCEPT;
			case "DECLINE" -> Verdict.DECLINE;
			default -> null;
		};
		if (verdict == null) {
			return null;
		}
		return new VerdictToken(fields[0], UUID.fromString(fields[1]), UUID.fromString(fields[2]), verdict,
				Instant.ofEpochSecond(Long.parseLong(fields[4])));
	}

	/**
	 * The bytes, or null unless the text is their one canonical unpadded base64url
	 * spelling.
	 */
	private static byte[] decode(String text) {
		try {
			byte[] bytes = DECODER.decode(text);
			// the decoder ignores the unused low bits of the last character: one byte of
			// the token could change
			return ENCODER.encodeToString(bytes).equals(text) ? bytes : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String utf8(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException ex) {
			return null;
		}
	}

}
