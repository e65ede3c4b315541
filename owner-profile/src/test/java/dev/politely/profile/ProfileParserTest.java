package dev.politely.profile;

import static dev.politely.profile.ExampleProfile.edited;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProfileParserTest {

	static final String MINIMAL = """
			owner: bob
			email: bob@example.com
			timezone: Europe/Paris
			webhookSecret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
			purposes: [CONTRIBUTE]
			""";

	static ProfileParser.Result parse(String fileName, String yaml) {
		return ProfileParser.parse(fileName, yaml.getBytes(StandardCharsets.UTF_8));
	}

	static List<String> errors(String yaml) {
		return errors("alice.yml", yaml);
	}

	static List<String> errors(String fileName, String yaml) {
		ProfileParser.Result result = parse(fileName, yaml);
		assertThat(result).as("parsing should fail").isInstanceOf(ProfileParser.Rejected.class);
		return ((ProfileParser.Rejected) result).errors().stream().map(ProfileError::toString).toList();
	}

	static Profile valid(String fileName, String yaml) {
		ProfileParser.Result result = parse(fileName, yaml);
		assertThat(result).as("parsing should succeed: %s", result).isInstanceOf(ProfileParser.Parsed.class);
		return ((ProfileParser.Parsed) result).profile();
	}

	@Test
	void readsTheExampleProfile() {
		Profile alice = valid("alice.yml", ExampleProfile.YAML);

		assertThat(alice.owner()).isEqualTo("alice");
		assertThat(alice.displayName()).isEqualTo("Alice Martin");
		assertThat(alice.email()).isEqualTo("alice@example.com");
		assertThat(alice.language()).isEqualTo("fr");
		assertThat(alice.timezone()).isEqualTo(ZoneId.of("Europe/Paris"));
		assertThat(alice.webhookSecret()).isEqualTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
		assertThat(alice.callbackUrl()).isNull();
		assertThat(alice.purposes()).containsExactly(Purpose.NETWORK, Purpose.CONTRIBUTE, Purpose.FRIENDSHIP);
		assertThat(alice.activity().keywords()).containsExactly("ressources humaines", "RH", "recrutement", "formation",
				"talent", "onboarding", "carrière");
		assertThat(alice.platforms().professional()).containsExactly("linkedin", "xing", "malt", "viadeo",
				"welcome to the jungle");
		assertThat(alice.platforms().personal()).containsExactly("facebook", "instagram", "whatsapp", "snapchat",
				"tiktok");
		assertThat(alice.connections()).isEqualTo(new Profile.Connections(3, 20));
		assertThat(alice.recommendations()).isEqualTo(new Profile.Recommendations(Relationship.COLLEAGUE, 12));
		assertThat(alice.advice()).isEqualTo(new Profile.Advice(120, 30, 10));
		assertThat(alice.contacts()).containsExactly(new Profile.Contact("Bruno Petit", "bruno.petit@example.org",
				"https://www.linkedin.com/in/bruno-petit-example", Relationship.COLLEAGUE, LocalDate.of(2019, 3, 1)),
				new Profile.Contact("Claire Dubois", "claire.dubois@example.org", null, Relationship.CLOSE,
						LocalDate.of(2012, 9, 15)),
				new Profile.Contact("Sophie Lambert", "sophie.lambert@example.net", null, Relationship.ACQUAINTANCE,
						LocalDate.of(2025, 6, 12)));
		assertThat(alice.whenUnsure()).isEqualTo(WhenUnsure.REVIEW);
	}

	@Test
	void appliesTheDefaultsOfEveryOptionalKey() {
		Profile bob = valid("bob.yml", MINIMAL);

		assertThat(bob.displayName()).isEqualTo("bob");
		assertThat(bob.language()).isEqualTo("fr");
		assertThat(bob.callbackUrl()).isNull();
		assertThat(bob.activity().keywords()).isEmpty();
		assertThat(bob.platforms().professional()).isEmpty();
		assertThat(bob.platforms().personal()).isEmpty();
		assertThat(bob.connections()).isEqualTo(new Profile.Connections(3, 20));
		assertThat(bob.recommendations()).isEqualTo(new Profile.Recommendations(Relationship.COLLEAGUE, 12));
		assertThat(bob.advice()).isEqualTo(new Profile.Advice(120, 30, 10));
		assertThat(bob.contacts()).isEmpty();
		assertThat(bob.whenUnsure()).isEqualTo(WhenUnsure.REVIEW);
		assertThat(bob.ownerEmails()).isEqualTo(OwnerEmails.EACH);
		assertThat(bob.digestTime()).isEqualTo(LocalTime.of(18, 0));
	}

	@Test
	void readsTheOptionalEmailSettings() {
		Profile bob = valid("bob.yml", MINIMAL + "ownerEmails: daily_digest\ndigestTime: 07:30\n");

		assertThat(bob.ownerEmails()).isEqualTo(OwnerEmails.DAILY_DIGEST);
		assertThat(bob.digestTime()).isEqualTo(LocalTime.of(7, 30));
	}

	@Test
	void defaultsAContactsRelationshipToTheWeakest() {
		Profile bob = valid("bob.yml", MINIMAL + "contacts:\n  - name: Zoé\n    profileUrl: https://malt.fr/zoe\n");

		assertThat(bob.contacts())
			.containsExactly(new Profile.Contact("Zoé", null, "https://malt.fr/zoe", Relationship.ACQUAINTANCE, null));
	}

	@Test
	void keepsYaml11BooleansAndDatesAsWritten() {
		Profile bob = valid("bob.yml", MINIMAL.replace("[CONTRIBUTE]", "[contribute]")
				+ "displayName: yes\nactivity:\n  keywords: [on, no, off, 2019-03-01, 1_000, 0x1F]\nwhenUnsure: decline\n");

		assertThat(bob.displayName()).isEqualTo("yes");
		assertThat(bob.activity().keywords()).containsExactly("on", "no", "off", "2019-03-01", "1_000", "0x1F");
		assertThat(bob.purposes()).containsExactly(Purpose.CONTRIBUTE);
		assertThat(bob.whenUnsure()).isEqualTo(WhenUnsure.DECLINE);
	}

	@Test
	void readsExplicitlyTaggedValuesToo() {
		Profile bob = valid("bob.yml", MINIMAL + "advice:\n  weeklyBudgetMinutes: !!int 90\n"
				+ "contacts:\n  - name: Zoé\n    email: zoe@example.org\n    since: !!timestamp 2020-01-31\n");

		assertThat(bob.advice().weeklyBudgetMinutes()).isEqualTo(90);
		assertThat(bob.contacts().get(0).since()).isEqualTo(LocalDate.of(2020, 1, 31));
	}

	static Stream<Arguments> invalidEdits() {
		return Stream.of(
				Arguments.of("weeklyBudgetMinutes: 120", "weeklyBudgetMinutes: lots",
						"alice.yml: advice.weeklyBudgetMinutes: must be an integer >= 0, got \"lots\""),
				Arguments.of("weeklyBudgetMinutes: 120", "weeklyBudgetMinutes: -5",
						"alice.yml: advice.weeklyBudgetMinutes: must be an integer >= 0, got \"-5\""),
				Arguments.of("defaultMinutes: 30", "defaultMinutes: 0",
						"alice.yml: advice.defaultMinutes: must be an integer >= 1, got \"0\""),
				Arguments.of("questionMinutes: 10", "questionMinutes: 0",
						"alice.yml: advice.questionMinutes: must be an integer >= 1, got \"0\""),
				Arguments.of("minMutualConnections: 3", "minMutualConnections: 2.5",
						"alice.yml: connections.minMutualConnections: must be an integer >= 0, got \"2.5\""),
				Arguments.of("maxUnknownPerMonth: 20", "maxUnknownPerMonth: twenty",
						"alice.yml: connections.maxUnknownPerMonth: must be an integer >= 0, got \"twenty\""),
				Arguments.of("minKnownMonths: 12", "minKnownMonths: 99999999999",
						"alice.yml: recommendations.minKnownMonths: must be an integer >= 0, got \"99999999999\""),
				Arguments.of("owner: alice", "owner: bob",
						"alice.yml: owner: must equal the file name without .yml (\"alice\"), got \"bob\""),
				Arguments.of("email: alice@example.com", "email: alice-at-example.com",
						"alice.yml: email: must be an email address, got \"alice-at-example.com\""),
				Arguments.of("language: fr", "language: de", "alice.yml: language: must be fr or en, got \"de\""),
				Arguments.of("timezone: Europe/Paris", "timezone: Europe/Pariss",
						"alice.yml: timezone: must be a time zone such as Europe/Paris, got \"Europe/Pariss\""),
				Arguments.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_c2hvcnQ=",
						"alice.yml: webhookSecret: must be whsec_ followed by the base64 of 24 to 64 random bytes (it holds 5 bytes)"),
				Arguments.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
						"alice.yml: webhookSecret: must be whsec_ followed by the base64 of 24 to 64 random bytes"),
				Arguments.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_not*base64*at*all*not*base64*at*all",
						"alice.yml: webhookSecret: must be whsec_ followed by the base64 of 24 to 64 random bytes (it is not base64)"),
				Arguments.of("callbackUrl: null", "callbackUrl: ftp://example.com/replies",
						"alice.yml: callbackUrl: must be an http or https URL, got \"ftp://example.com/replies\""),
				Arguments.of("[NETWORK, CONTRIBUTE, FRIENDSHIP]", "[NETWORK, FUN]",
						"alice.yml: purposes: must list only NETWORK, CONTRIBUTE, FRIENDSHIP, got \"FUN\""),
				Arguments.of("minRelationship: COLLEAGUE", "minRelationship: FRIEND",
						"alice.yml: recommendations.minRelationship: must be one of ACQUAINTANCE, COLLEAGUE, CLOSE, got \"FRIEND\""),
				Arguments.of("relationship: CLOSE", "relationship: BFF",
						"alice.yml: contacts[1].relationship: must be one of ACQUAINTANCE, COLLEAGUE, CLOSE, got \"BFF\""),
				Arguments.of("since: 2019-03-01", "since: 2019-13-01",
						"alice.yml: contacts[0].since: must be a date YYYY-MM-DD, got \"2019-13-01\""),
				Arguments.of("    email: claire.dubois@example.org\n", "",
						"alice.yml: contacts[1]: a contact needs an email or a profileUrl, to be recognised"),
				Arguments.of("  - name: Sophie Lambert", "  - nom: Sophie Lambert",
						"alice.yml: contacts[2].name: is required"),
				Arguments.of("whenUnsure: REVIEW", "whenUnsure: no",
						"alice.yml: whenUnsure: must be one of REVIEW, DECLINE, got \"no\""),
				Arguments.of("whenUnsure: REVIEW", "whenUnsur: REVIEW",
						"alice.yml: whenUnsur: unknown key 'whenUnsur', did you mean 'whenUnsure'?"),
				Arguments.of("weeklyBudgetMinutes: 120", "weeklyBudget: 120",
						"alice.yml: advice.weeklyBudget: unknown key 'weeklyBudget'"),
				Arguments.of("    since: 2012-09-15", "    since: 2012-09-15\n    birthday: 1990-01-01",
						"alice.yml: contacts[1].birthday: unknown key 'birthday'"),
				Arguments.of("professional: [linkedin, xing, malt, viadeo, welcome to the jungle]",
						"professional: linkedin",
						"alice.yml: platforms.professional: must be a list, e.g. [a, b], got \"linkedin\""),
				Arguments.of("professional: [linkedin, xing,", "professional: [linkedin, xing, instagram,",
						"alice.yml: platforms.private: 'instagram' is also in platforms.professional: a platform is one or the other"),
				Arguments.of("  minKnownMonths: 12", "  minKnownMonths: 12\n  minKnownMonths: 6",
						"alice.yml: is not valid YAML: found duplicate key minKnownMonths at line 31, column 3"),
				Arguments.of("purposes: [NETWORK", "purposes: [NETWORK\n  oops: [",
						"alice.yml: is not valid YAML: expected ',' or ']', but got : at line 13, column 7"),
				Arguments.of("activity:\n  keywords:", "activity: RH\n  keywords:",
						"alice.yml: is not valid YAML: mapping values are not allowed here at line 16, column 11"));
	}

	@ParameterizedTest(name = "{2}")
	@MethodSource("invalidEdits")
	void refusesAnInvalidValueNamingTheFileAndTheKey(String from, String to, String error) {
		assertThat(errors(edited(from, to))).contains(error);
	}

	@Test
	void requiresTheIdentityKeysAndThePurposes() {
		for (String key : List.of("owner", "email", "timezone", "webhookSecret", "purposes")) {
			String withoutKey = MINIMAL.lines()
				.filter(line -> !line.startsWith(key + ":"))
				.map(line -> line + "\n")
				.reduce("", String::concat);
			assertThat(errors("bob.yml", withoutKey)).as(key)
				.anySatisfy(e -> assertThat(e).startsWith("bob.yml: " + key + ": is required"));
		}
	}

	@Test
	void reportsEveryErrorAtOnce() {
		List<String> errors = errors(edited("language: fr", "language: de", "weeklyBudgetMinutes: 120",
				"weeklyBudgetMinutes: lots", "whenUnsure: REVIEW", "whenUnsure: MAYBE"));

		assertThat(errors).hasSize(3);
	}

	@Test
	void neverShowsTheSecretInAnError() {
		String wrongSecret = "whsec_c2VjcmV0LXRvby1zaG9ydA=="; // "secret-too-short", 16
																// bytes

		assertThat(errors(edited("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", wrongSecret))).isNotEmpty()
			.noneSatisfy(e -> assertThat(e).contains("c2VjcmV0"));
		assertThat(ExampleProfile.alice().toString()).doesNotContain("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
	}

	@Test
	void refusesAFileThatIsNotAProfile() {
		assertThat(errors("")).containsExactly("alice.yml: the file is empty");
		assertThat(errors("- just\n- a list\n"))
			.containsExactly("alice.yml: the file must be a map of keys, as in the example profile");
		assertThat(((ProfileParser.Rejected) ProfileParser.parse("alice.yml", new byte[] { (byte) 0xC3, (byte) 0x28 }))
			.errors()).extracting(ProfileError::toString).containsExactly("alice.yml: is not UTF-8 text");
	}

	@Test
	void refusesAFileNameThatIsNoOwnerId() {
		assertThat(errors("bob smith.yml", MINIMAL.replace("owner: bob", "owner: bob smith")))
			.contains("bob smith.yml: owner: must be letters, digits, '.', '_' or '-', at most 64, got \"bob smith\"");
	}

	@Test
	void versionsTheProfileByTheSha256OfItsBytes() throws Exception {
		byte[] bytes = ExampleProfile.YAML.getBytes(StandardCharsets.UTF_8);
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));

		assertThat(ExampleProfile.alice().policyVersion()).isEqualTo(sha256);
		assertThat(ExampleProfile.aliceWith("# People I actually know.", "# People I know.").policyVersion())
			.isNotEqualTo(sha256);
	}

	@Test
	void readsEveryTopLevelKeyOfTheExample() {
		Set<String> exampleKeys = ExampleProfile.YAML.lines()
			.filter(line -> line.matches("[A-Za-z]+:.*"))
			.map(line -> line.substring(0, line.indexOf(':')))
			.collect(java.util.stream.Collectors.toSet());

		assertThat(exampleKeys).hasSize(16);
		for (String key : exampleKeys) {
			assertThat(errors(ExampleProfile.YAML.replace(key + ":", key + "X:"))).as(key)
				.contains("alice.yml: " + key + "X: unknown key '" + key + "X', did you mean '" + key + "'?");
		}
	}

	@Test
	void readsTheCallbackOriginsNormalised() {
		Profile bob = valid("bob.yml",
				MINIMAL + "callbackOrigins: [HTTPS://Hooks.Example.com, 'http://127.0.0.1:18099/']\n");

		assertThat(bob.callbackOrigins()).containsExactly(new Origin("https", "hooks.example.com", 443),
				new Origin("http", "127.0.0.1", 18099));
		assertThat(valid("bob.yml", MINIMAL).callbackOrigins()).isEmpty();
	}

	@Test
	void refusesACallbackOriginThatIsNoOrigin() {
		assertThat(errors("bob.yml", MINIMAL
				+ "callbackOrigins: [https://hooks.example.com/path, ftp://example.com, 'https://u@h.example']\n"))
			.containsExactly(
					"bob.yml: callbackOrigins: must be a list of origins scheme://host[:port], e.g. [https://hooks.example.com], got \"https://hooks.example.com/path\"",
					"bob.yml: callbackOrigins: must be a list of origins scheme://host[:port], e.g. [https://hooks.example.com], got \"ftp://example.com\"",
					"bob.yml: callbackOrigins: must be a list of origins scheme://host[:port], e.g. [https://hooks.example.com], got \"https://u@h.example\"");
		assertThat(errors("bob.yml", MINIMAL + "callbackOrigins: https://hooks.example.com\n")).containsExactly(
				"bob.yml: callbackOrigins: must be a list, e.g. [a, b], got \"https://hooks.example.com\"");
	}

	static Stream<Arguments> callbacks() {
		return Stream.of(Arguments.of("https://hooks.example.com/replies/1", true),
				Arguments.of("HTTPS://HOOKS.example.com:443/x?y=1", true),
				Arguments.of("http://127.0.0.1:18099/cb", true), Arguments.of("https://owner.example/other/path", true),
				Arguments.of("https://owner.example:443/", true), Arguments.of("http://owner.example/", false),
				Arguments.of("https://hooks.example.com:8443/x", false),
				Arguments.of("http://hooks.example.com/", false), Arguments.of("http://127.0.0.1:18098/cb", false),
				Arguments.of("http://169.254.169.254/latest", false), Arguments.of("ftp://hooks.example.com/", false),
				Arguments.of("not a url", false), Arguments.of(null, false));
	}

	@ParameterizedTest
	@MethodSource("callbacks")
	void allowsACallbackOnlyToTheOriginsTheOwnerWrote(String url, boolean allowed) {
		Profile bob = valid("bob.yml", MINIMAL + """
				callbackUrl: https://owner.example/replies
				callbackOrigins: [https://hooks.example.com, http://127.0.0.1:18099]
				""");

		assertThat(bob.allowsCallbackTo(url)).isEqualTo(allowed);
	}

	@Test
	void allowsNoBodyCallbackWhenTheProfileNamesNoOrigin() {
		assertThat(valid("bob.yml", MINIMAL).allowsCallbackTo("https://hooks.example.com/")).isFalse();
	}

}
