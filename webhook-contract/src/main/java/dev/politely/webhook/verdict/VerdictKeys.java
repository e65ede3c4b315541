package dev.politely.webhook.verdict;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's verdict link keys (contracts/verdict-token.md), from
 * {@code POLITELY_VERDICT_KEY=kid:base64key[,kid:base64key...]}: the first key signs new
 * links, every listed key verifies, so a key is rotated by putting the new one first and
 * removing the old one once its links have expired. A server secret, apart from the
 * owners' webhook secrets: a published or rotated webhook secret changes nothing to the
 * links. The policy service signs with it, the intake checks with it; both read the same
 * setting.
 */
public final class VerdictKeys {

	/** The name both services read, for the messages that say what to set. */
	public static final String VARIABLE = "POLITELY_VERDICT_KEY";

	/** A key id is part of every token: short, and URL-safe as it is. */
	public static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,32}");

	/** As much as the mac's own size: anything shorter is weaker than HMAC-SHA256. */
	static final int MIN_KEY_BYTES = 32;

	private static final String HMAC = "HmacSHA256";

	private final String signingKid;

	private final Map<String, byte[]> keys;

	private VerdictKeys(String signingKid, Map<String, byte[]> keys) {
		this.signingKid = signingKid;
		this.keys = keys;
	}

	/**
	 * Parses the setting; a refusal names what is wrong and never quotes a key.
	 * @throws IllegalArgumentException when the setting is missing or not
	 * {@code kid:base64key[,kid:base64key...]} with keys of at least 32 bytes and
	 * distinct ids
	 */
	public static VerdictKeys parse(String setting) {
		if (setting == null || setting.isBlank()) {
			throw new IllegalArgumentException(VARIABLE + " is not set: the verdict links need a server key, e.g. "
					+ VARIABLE + "=k1:$(openssl rand -base64 32) (./politely local makes one in .politely/)");
		}
		Map<String, byte[]> keys = new LinkedHashMap<>();
		List<String> entries = new ArrayList<>(List.of(setting.strip().split("\\s*,\\s*", -1)));
		for (int i = 0; i < entries.size(); i++) {
			String entry = entries.get(i);
			int colon = entry.indexOf(':');
			String kid = (colon < 0) ? "" : entry.substring(0, colon);
			if (!KID.matcher(kid).matches()) {
				throw new IllegalArgumentException(VARIABLE + ": entry " + (i + 1)
						+ " is not kid:base64key (a key id of 1 to 32 letters, digits, '_' or '-')");
			}
			byte[] key = decode(entry.substring(colon + 1));
			if (key == null || key.length < MIN_KEY_BYTES) {
				throw new IllegalArgumentException(VARIABLE + ": the key of '" + kid + "' is not base64 of at least "
						+ MIN_KEY_BYTES + " bytes (openssl rand -base64 32)");
			}
			if (keys.putIfAbsent(kid, key) != null) {
				throw new IllegalArgumentException(VARIABLE + ": key id '" + kid + "' is listed twice");
			}
		}
		return new VerdictKeys(keys.keySet().iterator().next(), keys);
	}

	/** The id of the key new links are signed with (the first listed). */
	public String signingKid() {
		return this.signingKid;
	}

	/** The mac of a token's payload, with the signing key. */
	public byte[] sign(byte[] payload) {
		return hmac(this.keys.get(this.signingKid), payload);
	}

	/**
	 * Whether {@code kid} is listed: a link signed with a removed key verifies no more.
	 */
	public boolean knows(String kid) {
		return this.keys.containsKey(kid);
	}

	/**
	 * Whether {@code mac} is the mac of {@code payload} under the listed key {@code kid},
	 * compared in constant time; false for a key that is not listed.
	 */
	public boolean verifies(String kid, byte[] payload, byte[] mac) {
		byte[] key = this.keys.get(kid);
		return key != null && MessageDigest.isEqual(hmac(key, payload), mac);
	}

	/**
	 * Standard or URL-safe base64, padded or not: what {@code openssl} and others print.
	 */
	private static byte[] decode(String text) {
		try {
			return Base64.getDecoder().decode(text.replace('-', '+').replace('_', '/'));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static byte[] hmac(byte[] key, byte[] data) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(new SecretKeySpec(key, HMAC));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

	/** The key ids only, never a key. */
	@Override
	public String toString() {
		return "VerdictKeys" + this.keys.keySet() + "[signing " + this.signingKid + "]";
	}

}
