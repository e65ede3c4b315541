package dev.politely.notification.letter;

import static dev.politely.notification.Decisions.decision;
import static dev.politely.notification.Decisions.fixture;
import static dev.politely.notification.Decisions.object;
import static dev.politely.notification.Decisions.read;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import dev.politely.notification.inbound.DecisionMade;
import dev.politely.notification.inbound.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

class LetterWriterTest {

	private final LetterWriter writer = new LetterWriter();

	@Test
	void writesTheOwnersDecisionInTheOwnersLanguage() {
		Letter owner = letterTo(Role.OWNER, decision("accept-connection"));

		assertThat(owner.recipientEmail()).isEqualTo("alice@example.com");
		assertThat(owner.senderName()).isEqualTo("Politely");
		assertThat(owner.subject()).isEqualTo("Acceptée pour vous : Julien Moreau, invitation à se connecter");
		assertThat(owner.text()).startsWith("Bonjour Alice Martin,")
			.contains("Politely a accepté pour vous une invitation à se connecter envoyée par Julien Moreau.")
			.contains("Décision : acceptée")
			.contains("le titre de Julien Moreau parle de « formation »")
			.contains("Règle 2 : accepter les demandes qui construisent un réseau solide autour de son activité")
			.contains("Réglage décisif : connections.maxUnknownPerMonth = 20")
			.contains("Titre : Responsable formation chez Exemple SA")
			.contains("Relations en commun : 14")
			.contains("Plateforme : LinkedIn")
			.contains("Reçue : lundi 23 novembre 2026 à 10:12 (Europe/Paris)")
			.contains("> Bonjour Alice, nous travaillons tous les deux dans la formation")
			.contains("lui a été envoyée en français");
		assertThat(owner.html()).contains("<html lang=\"fr\">")
			.contains("<strong>acceptée</strong>")
			.contains("Responsable formation chez Exemple SA");
	}

	@Test
	void writesTheOwnersDecisionInEnglishForAnEnglishOwner() {
		ObjectNode node = fixture("accept-connection");
		object(node, "owner").put("language", "en");

		Letter owner = letterTo(Role.OWNER, read(node));

		assertThat(owner.subject()).isEqualTo("Accepted for you: connection request from Julien Moreau");
		assertThat(owner.text()).startsWith("Hello Alice Martin,")
			.contains("Politely accepted a connection request from Julien Moreau on your behalf.")
			.contains("Rule: Rule 2: accept the requests that build a solid network around your work")
			.contains("Received: Monday, November 23, 2026 at 10:12 AM (Europe/Paris)")
			.contains("sent to them in French");
		assertThat(owner.html()).contains("<html lang=\"en\">");
	}

	@Test
	void repliesToTheRequesterInTheReplyLanguageSignedByTheOwner() {
		List<Letter> letters = writer.write(decision("decline-ghost"));

		assertThat(letters).extracting(Letter::role).containsExactly(Role.OWNER, Role.REQUESTER);
		Letter owner = letters.get(0);
		Letter reply = letters.get(1);
		assertThat(owner.text()).contains("Politely a décliné pour vous").contains("« fantôme »");
		assertThat(reply.recipientEmail()).isEqualTo("max.growth@example.com");
		assertThat(reply.recipientName()).isEqualTo("Max Growth");
		assertThat(reply.senderName()).isEqualTo("Alice Martin via Politely");
		assertThat(reply.subject()).isEqualTo("Thank you for your message, Max Growth");
		assertThat(reply.text()).startsWith("Hello Max Growth,")
			.contains("Thank you for your invitation and for thinking of me.")
			.contains("I wish you every success with your projects.")
			.contains("Kind regards,\nAlice Martin");
		assertThat(reply.html()).contains("<html lang=\"en\">").contains("Alice Martin");
	}

	@ParameterizedTest
	@ValueSource(strings = { "decline-ghost", "decline-private", "decline-barely-known", "hostile" })
	void aRefusalNeverRevealsItsReasons(String fixture) {
		DecisionMade decision = decision(fixture);

		Letter reply = letterTo(Role.REQUESTER, decision);

		for (String body : List.of(reply.subject(), reply.text(), reply.html())) {
			assertThat(body).doesNotContainIgnoringCase("ghost")
				.doesNotContainIgnoringCase("fantôme")
				.doesNotContainIgnoringCase("rule")
				.doesNotContainIgnoringCase("règle")
				.doesNotContainIgnoringCase("mutual")
				.doesNotContainIgnoringCase("budget")
				.doesNotContainIgnoringCase("ACQUAINTANCE")
				.doesNotContain(decision.reason())
				.doesNotContain(decision.explanation());
			if (decision.setting() != null) {
				assertThat(body).doesNotContain(decision.setting());
			}
		}
		// no count of any kind: neither mutual connections nor months nor minutes
		assertThat(reply.text()).doesNotContainPattern("\\d");
	}

	@Test
	void anAcceptedRequestForAdviceStatesTheMinutesSetBeforehand() {
		DecisionMade decision = decision("accept-advice");

		Letter reply = letterTo(Role.REQUESTER, decision);

		assertThat(reply.subject()).isEqualTo("Votre demande de conseil : 20 minutes pour vous");
		assertThat(reply.text()).startsWith("Bonjour Karim Haddad,")
			.contains("Je vous consacre 20 minutes, une limite que je me fixe à l’avance")
			.contains("envoyez-moi à l’avance votre question la plus importante")
			.contains("> Auriez-vous un conseil pour réussir mon premier poste en RH ?")
			.contains("Bien cordialement,\nAlice Martin")
			.doesNotContain("120")
			.doesNotContainIgnoringCase("budget");
		assertThat(reply.html()).contains("Je vous consacre 20 minutes");
		assertThat(letterTo(Role.OWNER, decision).text()).contains("Temps offert : 20 minutes");
	}

	@Test
	void anAcceptedQuestionInEnglishStatesItsMinutes() {
		ObjectNode node = fixture("accept-advice");
		node.put("offeredMinutes", 10);
		object(node, "solicitation").put("kind", "QUESTION");
		object(node, "reply").put("language", "en");

		Letter reply = letterTo(Role.REQUESTER, read(node));

		assertThat(reply.subject()).isEqualTo("Your question: 10 minutes to answer it");
		assertThat(reply.text()).contains("I am setting aside 10 minutes for it, a limit I fix beforehand")
			.contains("send me your most important question and the useful context beforehand");
	}

	@Test
	void aRefusalOnAPrivatePlatformPointsToTheOwnersProfessionalPresence() {
		Letter reply = letterTo(Role.REQUESTER, decision("decline-private"));

		assertThat(reply.text()).contains("I keep Instagram for my private life")
			.contains("let’s meet on LinkedIn instead");
		assertThat(reply.html()).contains("let’s meet on LinkedIn instead");
	}

	@Test
	void aRefusalOnAProfessionalPlatformPointsNowhereElse() {
		Letter reply = letterTo(Role.REQUESTER, decision("decline-ghost"));

		assertThat(reply.text()).doesNotContain("LinkedIn").doesNotContain("meet on");
	}

	@Test
	void aRefusalOnAPrivatePlatformWithoutProfessionalPresenceStaysSimple() {
		ObjectNode node = fixture("decline-private");
		object(node, "owner").putArray("professionalPlatforms");

		Letter reply = letterTo(Role.REQUESTER, read(node));

		assertThat(reply.text()).contains("I will not be taking it further").doesNotContain("meet on");
	}

	static Stream<Arguments> everyKindOutcomeAndLanguage() {
		List<Arguments> cases = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			for (String outcome : List.of("ACCEPT", "DECLINE")) {
				for (String language : List.of("fr", "en")) {
					cases.add(Arguments.of(kind, outcome, language));
				}
			}
		}
		return cases.stream();
	}

	@ParameterizedTest
	@MethodSource("everyKindOutcomeAndLanguage")
	void writesEveryKindOfLetterInBothLanguages(Kind kind, String outcome, String language) {
		ObjectNode node = fixture("accept-advice");
		node.put("outcome", outcome);
		object(node, "solicitation").put("kind", kind.name());
		object(node, "owner").put("language", language);
		object(node, "reply").put("language", language);
		DecisionMade decision = read(node);

		List<Letter> letters = writer.write(decision);

		assertThat(letters).hasSize(2);
		String greeting = language.equals("fr") ? "Bonjour " : "Hello ";
		for (Letter letter : letters) {
			assertThat(letter.text()).startsWith(greeting);
			for (String body : List.of(letter.subject(), letter.text(), letter.html())) {
				assertThat(body).doesNotContain("??")
					.doesNotContain("[(")
					.doesNotContain("${")
					.doesNotContain("th:text")
					.doesNotContain("th:if");
			}
		}
		Letter reply = letters.get(1);
		assertThat(reply.text()).contains("Karim Haddad").endsWith("Alice Martin.\n");
		String kindWords = switch (kind) {
			case CONNECTION_REQUEST -> "invitation";
			case RECOMMENDATION_REQUEST -> language.equals("fr") ? "recommandation" : "recommendation";
			case INTRODUCTION_REQUEST -> language.equals("fr") ? "mise en relation" : "introduction";
			case ADVICE_REQUEST -> language.equals("fr") ? "conseil" : "advice";
			case QUESTION -> "question";
		};
		assertThat(reply.text()).contains(kindWords);
		boolean statesMinutes = outcome.equals("ACCEPT") && kind.takesTime();
		assertThat(reply.text().contains("20 minutes")).isEqualTo(statesMinutes);
	}

	@Test
	void anOwnersVerdictOnAdviceWithoutMinutesSaysYesPlainly() {
		ObjectNode node = fixture("accept-advice");
		node.putNull("offeredMinutes");
		node.put("reason", "OWNER_VERDICT");

		Letter reply = letterTo(Role.REQUESTER, read(node));

		assertThat(reply.subject()).isEqualTo("Votre demande de conseil, avec plaisir");
		assertThat(reply.text()).contains("c’est avec plaisir que je vous aide.").doesNotContain("minutes");
	}

	@Test
	void writesOnlyToTheOwnerWhenTheRequesterLeftNoAddress() {
		ObjectNode node = fixture("accept-connection");
		object(object(node, "solicitation"), "requester").putNull("email");

		List<Letter> letters = writer.write(read(node));

		assertThat(letters).extracting(Letter::role).containsExactly(Role.OWNER);
		assertThat(letters.get(0).text()).contains("aucune réponse ne lui a été envoyée");
	}

	@Test
	void aReviewAsksOnlyTheOwnerWithBothVerdictLinks() {
		List<Letter> letters = writer.write(decision("review-weak-link"));

		assertThat(letters).hasSize(1);
		Letter owner = letters.get(0);
		assertThat(owner.role()).isEqualTo(Role.OWNER);
		assertThat(owner.subject()).isEqualTo("À vous de décider : Léa Rousseau, invitation à se connecter");
		assertThat(owner.text()).contains("Léa Rousseau vous a adressé une invitation à se connecter")
			.contains("Pourquoi Politely hésite : Règle 3 : le titre parle de « recrutement »")
			.contains("Accepter : http://localhost:8080/v1/verdicts/eyJ2IjoiQUNDRVBUIn0.accept-signature")
			.contains("Décliner : http://localhost:8080/v1/verdicts/eyJ2IjoiREVDTElORSJ9.decline-signature")
			.contains("valables jusqu’au mercredi 9 décembre 2026 à 15:00 (Europe/Paris)")
			.contains("> Bonjour, j'aimerais rejoindre votre réseau.");
		assertThat(owner.html())
			.contains("href=\"http://localhost:8080/v1/verdicts/eyJ2IjoiQUNDRVBUIn0.accept-signature\"")
			.contains("href=\"http://localhost:8080/v1/verdicts/eyJ2IjoiREVDTElORSJ9.decline-signature\"")
			.contains(">Accepter</a>")
			.contains(">Décliner</a>");
	}

	@Test
	void aReviewWithoutLinksTellsTheOwnerToAnswerDirectly() {
		ObjectNode node = fixture("review-weak-link");
		node.putNull("review");

		Letter owner = letterTo(Role.OWNER, read(node));

		assertThat(owner.text()).contains("répondez-lui directement sur LinkedIn").doesNotContain("/v1/verdicts/");
		assertThat(owner.html()).doesNotContain("href=");
	}

	@Test
	void aVerdictLinkThatIsNotAWebLinkIsNeverRendered() {
		ObjectNode node = fixture("review-weak-link");
		object(node, "review").put("acceptUrl", "javascript:alert(document.cookie)");

		Letter owner = letterTo(Role.OWNER, read(node));

		assertThat(owner.html()).doesNotContain("javascript:").doesNotContain("href=");
	}

	@Test
	void escapesHostileRequesterTextInHtml() {
		List<Letter> letters = writer.write(decision("hostile"));

		assertThat(letters).hasSize(2);
		for (Letter letter : letters) {
			assertThat(letter.html()).doesNotContain("<script")
				.doesNotContain("<img")
				.doesNotContain("<b>hello")
				.doesNotContain("href=\"javascript:");
		}
		assertThat(letters.get(0).html()).contains("Eve &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
			.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;")
			.contains("&lt;b&gt;hello&lt;/b&gt;");
		assertThat(letters.get(1).html()).contains("Hello Eve &lt;script&gt;");
	}

	private Letter letterTo(Role role, DecisionMade decision) {
		return writer.write(decision).stream().filter(letter -> letter.role() == role).findFirst().orElseThrow();
	}

}
