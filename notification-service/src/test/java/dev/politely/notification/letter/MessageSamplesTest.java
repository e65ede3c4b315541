package dev.politely.notification.letter;

import static dev.politely.notification.Decisions.fixture;
import static dev.politely.notification.Decisions.object;
import static dev.politely.notification.Decisions.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import dev.politely.notification.inbound.DecisionMade;
import dev.politely.notification.inbound.Kind;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/**
 * The rendered samples in {@code docs/messages/} are what the templates write now: this
 * test fails when they differ, and rewrites them when run with
 * {@code -Dpolitely.samples.write=true}.
 */
class MessageSamplesTest {

	static final String REGENERATE = "mvn -q -pl notification-service test -Dtest=MessageSamplesTest "
			+ "-Dpolitely.samples.write=true";

	private static final Path SAMPLES = Path.of(System.getProperty("basedir", "."))
		.resolve("../docs/messages")
		.normalize();

	private final LetterWriter writer = new LetterWriter();

	@Test
	void checkedInSamplesMatchWhatTheTemplatesRender() throws IOException {
		Map<String, String> rendered = render();
		if (Boolean.getBoolean("politely.samples.write")) {
			Files.createDirectories(SAMPLES);
			for (String stale : samplesOnDisk()) {
				Files.delete(SAMPLES.resolve(stale));
			}
			for (Map.Entry<String, String> sample : rendered.entrySet()) {
				Files.writeString(SAMPLES.resolve(sample.getKey()), sample.getValue(), StandardCharsets.UTF_8);
			}
		}
		assertThat(samplesOnDisk()).as("samples in %s; regenerate with: %s", SAMPLES, REGENERATE)
			.containsExactlyInAnyOrderElementsOf(rendered.keySet());
		for (Map.Entry<String, String> sample : rendered.entrySet()) {
			assertThat(Files.readString(SAMPLES.resolve(sample.getKey()), StandardCharsets.UTF_8))
				.as("%s is stale; regenerate with: %s", sample.getKey(), REGENERATE)
				.isEqualTo(sample.getValue());
		}
	}

	/**
	 * Every letter: both languages, both outcomes, every kind, owner and requester; the
	 * review, the digest.
	 */
	Map<String, String> render() {
		Map<String, String> samples = new TreeMap<>();
		for (String language : List.of("fr", "en")) {
			for (String outcome : List.of("ACCEPT", "DECLINE")) {
				for (Kind kind : Kind.values()) {
					DecisionMade decision = read(decision(kind, outcome, language));
					String name = outcome.toLowerCase(Locale.ROOT) + "-" + kind.name().toLowerCase(Locale.ROOT) + "."
							+ language + ".txt";
					for (Letter letter : writer.write(decision)) {
						samples.put(letter.role().tag() + "-" + name, sample(letter));
					}
				}
			}
			ObjectNode privatePlatform = fixture("decline-private");
			languages(privatePlatform, language);
			samples.put("requester-decline-connection_request-private-platform." + language + ".txt",
					sample(letterTo(Role.REQUESTER, read(privatePlatform))));
			ObjectNode review = fixture("review-weak-link");
			languages(review, language);
			if (language.equals("en")) {
				review.put("explanation",
						"Rule 3: the headline mentions “recruitment”, but you share only 1 connection: your call.");
			}
			samples.put("owner-review." + language + ".txt", sample(letterTo(Role.OWNER, read(review))));
			samples.put("owner-digest." + language + ".txt", sample(digest(language)));
		}
		return samples;
	}

	private Letter digest(String language) {
		List<DigestLine> lines = Stream
			.of(decision(Kind.ADVICE_REQUEST, "ACCEPT", language),
					decision(Kind.CONNECTION_REQUEST, "DECLINE", language),
					decision(Kind.RECOMMENDATION_REQUEST, "ACCEPT", language))
			.map(node -> DigestLine.of(read(node)))
			.toList();
		DecisionMade.Owner owner = read(decision(Kind.QUESTION, "ACCEPT", language)).owner();
		return writer.digest(owner, LocalDate.of(2026, 11, 24), lines);
	}

	private static ObjectNode decision(Kind kind, String outcome, String language) {
		ObjectNode node = fixture("accept-advice");
		node.put("outcome", outcome);
		object(node, "solicitation").put("kind", kind.name());
		languages(node, language);
		boolean fr = language.equals("fr");
		boolean accepted = outcome.equals("ACCEPT");
		if (accepted && kind.takesTime()) {
			reason(node, "RULE_5", "WITHIN_BUDGET", "advice.weeklyBudgetMinutes = 120",
					fr ? "Règle 5 : 20 minutes offertes, 20 sur 120 minutes de votre budget de la semaine."
							: "Rule 5: 20 minutes offered, 20 of the 120 minutes of your weekly budget.");
		}
		else if (accepted) {
			node.putNull("offeredMinutes");
			reason(node, "RULE_2", "COHERENT_NETWORK", "activity.keywords",
					fr ? "Règle 2 : le titre de Karim Haddad parle de « ressources humaines », comme votre activité."
							: "Rule 2: Karim Haddad’s headline mentions “human resources”, like your activity.");
		}
		else if (kind.takesTime()) {
			node.putNull("offeredMinutes");
			reason(node, "RULE_5", "BUDGET_EXHAUSTED", "advice.weeklyBudgetMinutes = 120",
					fr ? "Règle 5 : votre budget de conseil de la semaine est épuisé (120 sur 120 minutes)."
							: "Rule 5: this week’s advice budget is used up (120 of 120 minutes).");
		}
		else {
			node.putNull("offeredMinutes");
			reason(node, "RULE_3", "GHOST", "connections.minMutualConnections = 3",
					fr ? "Règle 3 : 2 relations en commun seulement, et un titre sans lien avec votre activité."
							: "Rule 3: only 2 mutual connections, and a headline unrelated to your activity.");
		}
		return node;
	}

	private static void reason(ObjectNode node, String rule, String reason, String setting, String explanation) {
		node.put("rule", rule).put("reason", reason).put("setting", setting).put("explanation", explanation);
	}

	private static void languages(ObjectNode node, String language) {
		object(node, "owner").put("language", language);
		object(node, "reply").put("language", language);
	}

	private Letter letterTo(Role role, DecisionMade decision) {
		return writer.write(decision).stream().filter(letter -> letter.role() == role).findFirst().orElseThrow();
	}

	private static String sample(Letter letter) {
		return "Subject: " + letter.subject() + "\n\n" + letter.text();
	}

	private static List<String> samplesOnDisk() throws IOException {
		if (!Files.isDirectory(SAMPLES)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(SAMPLES)) {
			return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".txt")).toList();
		}
	}

}
