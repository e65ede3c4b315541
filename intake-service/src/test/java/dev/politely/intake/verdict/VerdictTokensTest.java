package dev.politely.intake.verdict;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.politely.intake.DocumentedTokens;
import dev.politely.intake.Fixtures;
import dev.politely.intake.owner.Owner;
import dev.politely.profile.ProfileParser;
import dev.politely.intake.verdict.VerdictTokens.Check;
import dev.politely.intake.verdict.VerdictTokens.Expired;
import dev.politely.intake.verdict.VerdictTokens.Invalid;
import dev.politely.intake.verdict.VerdictTokens.Refusal;
import dev.politely.intake.verdict.VerdictTokens.Valid;
import dev.politely.webhook.verdict.VerdictKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.politely.intake.Fixtures.ALICE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

class VerdictTokensTest {

	private static final String BOB_SECRET = "whsec_QUJDREVGR0hJSktMTU5PUFFSU1RVVldY";

	/** The key that signs in these tests, kid {@code a}. */
	private static final String KEY_A = "a:QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";

	/** A key listed after a rotation, kid {@code b}. */
	private static final String KEY_B = "b:QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI=";

	/** Another key under the id {@code a}: not the listed one. */
	private static final String OTHER_A = "a:WFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFg=";

	private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	private static final Instant IN_14_DAYS = NOW.plusSeconds(14 * 24 * 3600);

	private static final Duration TTL = Duration.ofDays(14);

	private static final String SOLICITATION = "7d9f3c1e-2b4a-3c5d-8e6f-1a2b3c4d5e6f";

	private static final String REVIEW = "0f1e2d3c-4b5a-3968-8776-655443322110";

	private static final Map<String, Owner> OWNERS = Map.of("alice", owner("alice", ALICE_SECRET), "bob",
			owner("bob", BOB_SECRET));

	private static final VerdictKeys LISTED = VerdictKeys.parse(KEY_A);

	@Test
	void acceptsATokenMadeAsDocumented() {
		Check accept = check(DocumentedTokens.token(KEY_A, "alice", SOLICITATION, REVIEW, "ACCEPT", IN_14_DAYS));
		Check decline = check(DocumentedTokens.token(KEY_A, "alice", SOLICITATION, REVIEW, "DECLINE", IN_14_DAYS));

		assertThat(accept).isInstanceOfSatisfying(Valid.class, (valid) -> {
			assertThat(valid.token()).isEqualTo(new VerdictToken("alice", UUID.fromString(SOLICITATION),
					UUID.fromString(REVIEW), Verdict.ACCEPT, IN_14_DAYS));
			assertThat(valid.owner().ownerId()).isEqualTo("alice");
		});
		assertThat(decline).isInstanceOfSatisfying(Valid.class,
				(valid) -> assertThat(valid.token().verdict()).isEqualTo(Verdict.DECLINE));
	}

	@Test
	void refusesEachFieldAlteredAfterSigning() {
		String[] fields = { "alice", SOLICITATION, REVIEW, "ACCEPT", Long.toString(IN_14_DAYS.getEpochSecond()) };
		String[] altered = { "bob", SOLICITATION.replace('7', '8'), REVIEW.replace('0', '1'), "DECLINE",
				Long.toString(IN_14_DAYS.getEpochSecond() + 86_400) };
		byte[] mac = DocumentedTokens.mac(KEY_A, utf8(String.join("|", fields)));
		for (int i = 0; i < fields.length; i++) {
			String[] changed = fields.clone();
			changed[i] = altered[i];

			assertThat(check("a." + encode(utf8(String.join("|", changed))) + "." + encode(mac)))
				.as("field %d altered", i)
				.isEqualTo(new Invalid(Refusal.BAD_MAC));
		}
	}

	@Test
	void refusesAnyCharacterOfTheTokenAltered() {
		String token = DocumentedTokens.token(KEY_A, "alice", SOLICITATION, REVIEW, "ACCEPT", IN_14_DAYS);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
		int checked = 0;
		for (int i = 0; i < token.length(); i++) {
			for (char replacement : alphabet.toCharArray()) {
				if (replacement != token.charAt(i)) {
					String altered = token.substring(0, i) + replacement + token.substring(i + 1);
					assertThat(check(altered)).as("character %d as '%s'", i, replacement).isInstanceOf(Invalid.class);
					checked++;
				}
			}
		}
		assertThat(checked).isGreaterThan(10_000);
	}

	@Test
	void refusesAnAlteredMac() {
		String payload = String.join("|", "alice", SOLICITATION, REVIEW, "ACCEPT",
				Long.toString(IN_14_DAYS.getEpochSecond()));
		byte[] mac = DocumentedTokens.mac(KEY_A, utf8(payload));
		mac[31] ^= 0x01;

		assertThat(check("a." + encode(utf8(payload)) + "." + encode(mac))).isEqualTo(new Invalid(Refusal.BAD_MAC));
	}

	@Test
	void refusesATokenSignedWithAnotherKeyUnderTheListedId() {
		assertThat(check(DocumentedTokens.token(OTHER_A, "alice", SOLICITATION, REVIEW, "ACCEPT", IN_14_DAYS)))
			.isEqualTo(new Invalid(Refusal.BAD_MAC));
	}

	@Test
	void verifiesTheOldAndTheNewKeyWhileBothAreListed() {
		String signedByA = DocumentedTokens.token(KEY_A, "alice", SOLICITATION, REVIEW, "ACCEPT", IN_14_DAYS);
		String signedByB = DocumentedTokens.token(KEY_B, "alice", SOLICITATION, REVIEW, "ACCEPT", IN_14_DAYS);
		VerdictKeys rotated = VerdictKeys.parse(KEY_B + "," + KEY_A);

		assertThat(check(signedByA, rotated)).isInstanceOf(Valid.class);
		assertThat(check(signedByB, rotated)).isInstanceOf(Valid.class);
		assertThat(check(signedByB)).isEqualTo(new Invalid(Refusal.UNKNOWN_KEY));
	}

	@Test
	void refusesATokenWhoseKeyWasRemoved() {
		String signedByA = DocumentedTokens.token(KEY_A, "alice", SOLICITATION, REVIEW, "ACCEPT", IN_14_DAYS);

		assertThat(check(signedByA, VerdictKeys.parse(KEY_B))).isEqualTo(new Invalid(Refusal.UNKNOWN_KEY));
	}

	@Test
	void refusesATokenOfTheFormerFormatKeyedWithTheWebhookSecret() {
		String payload = String.join("|", "alice", SOLICITATION, REVIEW, "ACCEPT",
				Long.toString(IN_14_DAYS.getEpochSecond()));

		assertThat(check(DocumentedTokens.formerToken(ALICE_SECRET, payload)))
			.isEqualTo(new Invalid(Refusal.MALFORMED));
	}

	@Test
	void refusesAnUnknownOwner() {
		assertThat(check(DocumentedTokens.token(KEY_A, "mallory", SOLICITATION, REVIEW, "ACCEPT", IN_14_DAYS)))
			.isEqualTo(new Invalid(Refusal.UNKNOWN_OWNER));
	}

	@Test
	void expiresAtTheSecondWritten() {
		Check expiredBySecond = check(
				DocumentedTokens.token(KEY_A, "alice", SOLICITATION, REVIEW, "ACCEPT", NOW.minusSeconds(1)));
		Check expiringNow = check(DocumentedTokens.token(KEY_A, "alice", SOLICITATION, REVIEW, "ACCEPT", NOW));
		Check validOneSecondMore = check(
				DocumentedTokens.token(KEY_A, "alice", SOLICITATION, REVIEW, "ACCEPT", NOW.plusSeconds(1)));

		assertThat(expiredBySecond).isInstanceOfSatisfying(Expired.class,
				(expired) -> assertThat(expired.token().expiresAt()).isEqualTo(NOW.minusSeconds(1)));
		assertThat(expiringNow).isInstanceOf(Expired.class);
		assertThat(validOneSecondMore).isInstanceOf(Valid.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "abc", "abc.", ".abc", "a.b.c", "a..YWxpY2U", "a.YWxpY2U.", "a.b.c.d",
			"a.YWxpY2U.YWxpY2U=", "a.YWxpY2U+.YWxpY2U", "a.YWxpY2U", "YWxpY2U.YWxpY2U=", "YWxp$2U.YWxpY2U",
			"YWxpY2U+.YWxpY2U", "YWxpY2U/.YWxpY2U", "YWxpY2U .YWxpY2U", "YWxpY2U.YWxpY2U\n", "%41.%42" })
	void refusesMalformedBase64(String token) {
		assertThat(check(token)).isEqualTo(new Invalid(Refusal.MALFORMED));
	}

	@Test
	void refusesNonCanonicalBase64() {
		String token = DocumentedTokens.token(KEY_A, "alice", SOLICITATION, REVIEW, "ACCEPT", IN_14_DAYS);
		String mac = token.substring(token.lastIndexOf('.') + 1);
		// 32 bytes take 43 characters; the last one carries 4 bits and 2 unused bits that
		// the decoder ignores
		char last = mac.charAt(mac.length() - 1);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
		char sameBits = alphabet.charAt(alphabet.indexOf(last) ^ 0b01);

		assertThat(Base64.getUrlDecoder().decode(mac.substring(0, mac.length() - 1) + sameBits))
			.isEqualTo(Base64.getUrlDecoder().decode(mac));
		assertThat(check(token.substring(0, token.length() - 1) + sameBits)).isEqualTo(new Invalid(Refusal.MALFORMED));
	}

	@ParameterizedTest
	@ValueSource(strings = { "alice|7d9f3c1e-2b4a-3c5d-8e6f-1a2b3c4d5e6f|ACCEPT|1795000000",
			"alice|7d9f3c1e-2b4a-3c5d-8e6f-1a2b3c4d5e6f|0f1e2d3c-4b5a-3968-8776-655443322110|ACCEPT|1795000000|x",
			"alice|7d9f3c1e-2b4a-3c5d-8e6f-1a2b3c4d5e6f|0f1e2d3c-4b5a-3968-8776-655443322110|ACCEPT|",
			"alice|7d9f3c1e-2b4a-3c5d-8e6f-1a2b3c4d5e6f|0f1e2d3c-4b5a-3968-8776-655443322110|MAYBE|1795000000",
			"alice|not-a-uuid|0f1e2d3c-4b5a-3968-8776-655443322110|ACCEPT|1795000000",
			"alice|7D9F3C1E-2B4A-3C5D-8E6F-1A2B3C4D5E6F|0f1e2d3c-4b5a-3968-8776-655443322110|ACCEPT|1795000000",
			"alice|7d9f3c1e-2b4a-3c5d-8e6f-1a2b3c4d5e6f|0f1e2d3c-4b5a-3968-8776-655443322110|ACCEPT|-1",
			"../alice|7d9f3c1e-2b4a-3c5d-8e6f-1a2b3c4d5e6f|0f1e2d3c-4b5a-3968-8776-655443322110|ACCEPT|1795000000",
			"" })
	void refusesAWellSignedPayloadWithoutFiveValidFields(String payload) {
		assertThat(check(DocumentedTokens.token(KEY_A, payload))).isEqualTo(new Invalid(Refusal.MALFORMED));
	}

	@Test
	void refusesAPayloadThatIsNotUtf8() {
		byte[] payload = { 'a', 'l', 'i', 'c', 'e', (byte) 0xC0, (byte) 0xAF, '|' };

		assertThat(check("a." + encode(payload) + "." + encode(DocumentedTokens.mac(KEY_A, payload))))
			.isEqualTo(new Invalid(Refusal.MALFORMED));
	}

	@Test
	void refusesAnOverlongToken() {
		String payload = "alice|" + "x".repeat(600);

		assertThat(check(DocumentedTokens.token(KEY_A, payload))).isEqualTo(new Invalid(Refusal.MALFORMED));
		assertThat(check(null)).isEqualTo(new Invalid(Refusal.MALFORMED));
	}

	@Test
	void refusesAValidlySignedTokenThatOutlivesTheConfiguredLifetime() {
		Instant inAYear = NOW.plus(Duration.ofDays(365));

		assertThat(check(DocumentedTokens.token(KEY_A, "alice", SOLICITATION, REVIEW, "ACCEPT", inAYear)))
			.isEqualTo(new Invalid(Refusal.OUTLIVES_TTL));
		assertThat(check(DocumentedTokens.token(KEY_A, "alice", SOLICITATION, REVIEW, "ACCEPT", IN_14_DAYS)))
			.isInstanceOf(Valid.class);
	}

	private static Check check(String token) {
		return check(token, LISTED);
	}

	private static Check check(String token, VerdictKeys keys) {
		return VerdictTokens.check(token, keys, (id) -> Optional.ofNullable(OWNERS.get(id)), NOW, TTL);
	}

	private static Owner owner(String ownerId, String secret) {
		ProfileParser.Result profile = ProfileParser.parse(ownerId + ".yml", utf8(Fixtures.profile(ownerId, secret)));
		return Owner.of(((ProfileParser.Parsed) profile).profile());
	}

	private static String encode(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
