package dev.politely.profile;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one profile file into a {@link Profile}, or into every {@link ProfileError} it
 * holds. A pure function of the file name and bytes.
 */
public final class ProfileParser {

	/** The result of parsing one file: a profile, or the reasons it is refused. */
	public sealed interface Result permits Parsed, Rejected {

	}

	public record Parsed(Profile profile) implements Result {
	}

	public record Rejected(List<ProfileError> errors) implements Result {
		public Rejected {
			errors = List.copyOf(errors);
		}
	}

	private static final Set<String> TOP_LEVEL = Set.of("owner", "displayName", "email", "language", "timezone",
			"webhookSecret", "callbackUrl", "callbackOrigins", "purposes", "activity", "platforms", "connections",
			"recommendations", "advice", "contacts", "whenUnsure", "ownerEmails", "digestTime");

	private static final Set<String> CONTACT = Set.of("name", "email", "profileUrl", "relationship", "since");

	private static final Pattern OWNER_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(\\.[^@\\s.]+)+");

	private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

	private static final String SECRET_PREFIX = "whsec_";

	static final String EXTENSION = ".yml";

	private ProfileParser() {
	}

	/**
	 * @param fileName the file's name, e.g. {@code alice.yml}: the owner id is this name
	 * without {@code .yml}
	 * @param bytes the raw file content (UTF-8)
	 */
	public static Result parse(String fileName, byte[] bytes) {
		List<ProfileError> errors = new ArrayList<>();
		Object document = ProfileYaml.load(fileName, bytes, errors);
		if (!errors.isEmpty()) {
			return new Rejected(errors);
		}
		if (!(document instanceof Map<?, ?> map)) {
			String got = document == null ? "the file is empty"
					: "the file must be a map of keys, as in the example profile";
			return new Rejected(List.of(new ProfileError(fileName, null, got)));
		}
		Profile profile = read(fileName, YamlSection.root(fileName, map, errors), versionOf(bytes));
		return errors.isEmpty() ? new Parsed(profile) : new Rejected(errors);
	}

	/** SHA-256 (hex) of the raw bytes: the profile's {@code policyVersion}. */
	static String versionOf(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("every Java runtime has SHA-256", e);
		}
	}

	static String ownerIdOf(String fileName) {
		return fileName.endsWith(EXTENSION) ? fileName.substring(0, fileName.length() - EXTENSION.length()) : fileName;
	}

	/**
	 * The shape of an owner id, in a webhook's path and as a profile's file name: no
	 * separator, no leading dot, so it never names another file.
	 */
	public static boolean isOwnerId(String text) {
		return text != null && OWNER_ID.matcher(text).matches();
	}

	private static Profile read(String fileName, YamlSection root, String version) {
		root.allowOnly(TOP_LEVEL);
		String ownerId = ownerIdOf(fileName);
		String owner = root.requiredText("owner", id -> ownerProblem(id, ownerId), false);
		String email = root.requiredText("email", ProfileParser::emailProblem, false);
		String timezone = root.requiredText("timezone", ProfileParser::zoneProblem, false);
		String secret = root.requiredText("webhookSecret", ProfileParser::secretProblem, true);
		if (!root.has("purposes")) {
			root.error("purposes", "is required, e.g. [NETWORK, CONTRIBUTE]");
		}
		String displayName = root.checkedText("displayName", name -> null, false);
		String language = root.checkedText("language",
				l -> l.equalsIgnoreCase("fr") || l.equalsIgnoreCase("en") ? null : "must be fr or en", false);
		String callbackUrl = root.checkedText("callbackUrl", ProfileParser::urlProblem, false);
		List<Origin> callbackOrigins = origins(root);
		String digestTime = root.checkedText("digestTime",
				t -> HH_MM.matcher(t).matches() ? null : "must be a time HH:mm, e.g. 18:00", false);
		return new Profile(owner == null ? ownerId : owner, displayName == null ? ownerId : displayName, email,
				language == null ? "fr" : language.toLowerCase(Locale.ROOT),
				timezone == null ? ZoneId.of("UTC") : ZoneId.of(timezone), secret, callbackUrl, callbackOrigins,
				Set.copyOf(root.choices("purposes", Purpose.class)),
				new Profile.Activity(root.section("activity").texts("keywords", List.of())),
				platforms(root.section("platforms")), connections(root.section("connections")),
				recommendations(root.section("recommendations")), advice(root.section("advice")),
				contacts(root.sections("contacts")), root.choice("whenUnsure", WhenUnsure.class, WhenUnsure.REVIEW),
				root.choice("ownerEmails", OwnerEmails.class, OwnerEmails.EACH),
				digestTime == null ? LocalTime.of(18, 0) : LocalTime.parse(digestTime), version);
	}

	private static List<Origin> origins(YamlSection root) {
		List<Origin> origins = new ArrayList<>();
		for (String text : root.texts("callbackOrigins", List.of())) {
			Origin.parse(text)
				.ifPresentOrElse(origins::add, () -> root.error("callbackOrigins",
						"must be a list of origins scheme://host[:port], e.g. [https://hooks.example.com], got \""
								+ text + "\""));
		}
		return origins;
	}

	private static Profile.Platforms platforms(YamlSection section) {
		section.allowOnly(Set.of("professional", "private"));
		List<String> professional = section.texts("professional", List.of());
		List<String> personal = section.texts("private", List.of());
		for (String platform : personal) {
			if (professional.stream().anyMatch(platform::equalsIgnoreCase)) {
				section.error("private",
						"'" + platform + "' is also in platforms.professional: a platform is one or the other");
			}
		}
		return new Profile.Platforms(professional, personal);
	}

	private static Profile.Connections connections(YamlSection section) {
		section.allowOnly(Set.of("minMutualConnections", "maxUnknownPerMonth"));
		return new Profile.Connections(section.integer("minMutualConnections", 0, 3),
				section.integer("maxUnknownPerMonth", 0, 20));
	}

	private static Profile.Recommendations recommendations(YamlSection section) {
		section.allowOnly(Set.of("minRelationship", "minKnownMonths"));
		return new Profile.Recommendations(
				section.choice("minRelationship", Relationship.class, Relationship.COLLEAGUE),
				section.integer("minKnownMonths", 0, 12));
	}

	private static Profile.Advice advice(YamlSection section) {
		section.allowOnly(Set.of("weeklyBudgetMinutes", "defaultMinutes", "questionMinutes"));
		return new Profile.Advice(section.integer("weeklyBudgetMinutes", 0, 120),
				section.integer("defaultMinutes", 1, 30), section.integer("questionMinutes", 1, 10));
	}

	private static List<Profile.Contact> contacts(List<YamlSection> sections) {
		List<Profile.Contact> contacts = new ArrayList<>();
		for (YamlSection contact : sections) {
			contact.allowOnly(CONTACT);
			String name = contact.requiredText("name", n -> null, false);
			String email = contact.checkedText("email", ProfileParser::emailProblem, false);
			String profileUrl = contact.checkedText("profileUrl", ProfileParser::urlProblem, false);
			String since = contact.checkedText("since", ProfileParser::dateProblem, false);
			if (!contact.has("email") && !contact.has("profileUrl")) {
				contact.error("a contact needs an email or a profileUrl, to be recognised");
			}
			contacts.add(new Profile.Contact(name, email, profileUrl,
					contact.choice("relationship", Relationship.class, Relationship.ACQUAINTANCE),
					since == null ? null : LocalDate.parse(since)));
		}
		return contacts;
	}

	private static String ownerProblem(String owner, String ownerId) {
		if (!owner.equals(ownerId)) {
			return "must equal the file name without .yml (\"" + ownerId + "\")";
		}
		return OWNER_ID.matcher(owner).matches() ? null : "must be letters, digits, '.', '_' or '-', at most 64";
	}

	private static String emailProblem(String email) {
		return EMAIL.matcher(email).matches() ? null : "must be an email address";
	}

	private static String zoneProblem(String zone) {
		try {
			ZoneId.of(zone);
			return null;
		}
		catch (DateTimeException e) {
			return "must be a time zone such as Europe/Paris";
		}
	}

	/** Never echoes the value: it is a secret, and errors are logged. */
	private static String secretProblem(String secret) {
		String problem = "must be whsec_ followed by the base64 of 24 to 64 random bytes";
		if (!secret.startsWith(SECRET_PREFIX)) {
			return problem;
		}
		try {
			int length = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length())).length;
			return length >= 24 && length <= 64 ? null : problem + " (it holds " + length + " bytes)";
		}
		catch (IllegalArgumentException e) {
			return problem + " (it is not base64)";
		}
	}

	private static String urlProblem(String url) {
		try {
			URI uri = new URI(url);
			boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
			return web && uri.getHost() != null ? null : "must be an http or https URL";
		}
		catch (Exception e) {
			return "must be an http or https URL";
		}
	}

	private static String dateProblem(String date) {
		try {
			LocalDate.parse(date);
			return null;
		}
		catch (DateTimeException e) {
			return "must be a date YYYY-MM-DD";
		}
	}

}
