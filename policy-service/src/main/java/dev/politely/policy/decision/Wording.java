package dev.politely.policy.decision;

import java.util.Arrays;
import java.util.Locale;

/**
 * Every text of the explanations, in English and French side by side, so that a
 * translation cannot drift or be forgotten. Figures are {@link String#format} arguments;
 * a figure that is itself a {@link Phrase} is worded in the same language.
 */
enum Wording {

	EXPLANATION("Rule %1$s, %2$s: %3$s", "Règle %1$s, %2$s : %3$s"),

	RULE_1("know why you do things", "savoir pourquoi on fait les choses"),
	RULE_2("accept the requests that build a solid network around your work",
			"accepter les demandes qui construisent un réseau solide autour de votre activité"),
	RULE_3("accept not to accept", "accepter de ne pas accepter"),
	RULE_4("keep professional and private platforms apart",
			"différencier plateformes professionnelles et plateformes privées"),
	RULE_5("give advice within a limit set beforehand", "donner des conseils dans une limite fixée d'avance"),

	CONNECTION_REQUEST("a connection request", "une demande de connexion"),
	RECOMMENDATION_REQUEST("a recommendation request", "une demande de recommandation"),
	INTRODUCTION_REQUEST("an introduction request", "une demande de mise en relation"),
	ADVICE_REQUEST("a request for advice", "une demande de conseil"), QUESTION("a question", "une question"),

	NETWORK("your professional network", "votre réseau professionnel"),
	CONTRIBUTE("the wish to contribute", "l'envie de contribuer"), FRIENDSHIP("friendship", "l'amitié"),

	ACQUAINTANCE("an acquaintance", "une connaissance"), COLLEAGUE("a colleague", "un collègue"),
	CLOSE("a close contact", "un proche"),

	MONTH("%1$s month", "%1$s mois"), MONTHS("%1$s months", "%1$s mois"), SOMEONE("the requester", "la personne"),

	FRIEND("%1$s is a private platform, but %2$s is a close contact asking to connect, and friendship is one of your reasons to say yes.",
			"%1$s est une plateforme privée, mais %2$s est un proche qui demande à se connecter, et l'amitié fait partie de vos raisons de dire oui."),
	PRIVATE_PLATFORM(
			"%1$s is one of your private platforms, where you accept only connection requests from close contacts, and only when friendship is one of your reasons to say yes.",
			"%1$s est une de vos plateformes privées, où vous n'acceptez que les demandes de connexion de vos proches, et seulement si l'amitié fait partie de vos raisons de dire oui."),
	UNKNOWN_PLATFORM("%1$s is in neither your professional nor your private platforms.",
			"%1$s ne figure ni dans vos plateformes professionnelles ni dans vos plateformes privées."),
	NO_PURPOSE("%1$s serves %2$s, which is not one of your reasons to say yes.",
			"%1$s sert %2$s, qui ne fait pas partie de vos raisons de dire oui."),
	KNOWN_CONTACT("%1$s is one of your contacts.", "%1$s fait partie de vos contacts."),
	COHERENT_NETWORK(
			"the request matches your activity (“%1$s”) and the mutual connections (%2$s) reach your minimum of %3$s; this is unknown contact number %4$s of the %5$s you accept per month.",
			"la demande correspond à votre activité (« %1$s ») et les relations en commun (%2$s) atteignent votre minimum de %3$s ; c'est le contact inconnu n° %4$s sur les %5$s que vous acceptez par mois."),
	MONTHLY_CAP(
			"the request matches your activity (“%1$s”), but %2$s unknown contacts were already accepted this month, and your limit is %3$s.",
			"la demande correspond à votre activité (« %1$s »), mais %2$s contacts inconnus ont déjà été acceptés ce mois-ci, pour une limite de %3$s."),
	GHOST("nothing links the request to your activity, and the mutual connections (%1$s) are below your minimum of %2$s, the mark of a ghost contact.",
			"rien ne relie la demande à votre activité, et les relations en commun (%1$s) sont sous votre minimum de %2$s, la marque d'un contact fantôme."),
	WEAK_LINK_FEW_MUTUALS(
			"the request matches your activity (“%1$s”), but the mutual connections (%2$s) are below your minimum of %3$s.",
			"la demande correspond à votre activité (« %1$s »), mais les relations en commun (%2$s) sont sous votre minimum de %3$s."),
	WEAK_LINK_OFF_TOPIC(
			"the mutual connections (%1$s) reach your minimum of %2$s, but nothing links the request to your activity.",
			"les relations en commun (%1$s) atteignent votre minimum de %2$s, mais rien ne relie la demande à votre activité."),
	WELL_KNOWN("%1$s is %2$s, known to you for %3$s, at least the %4$s you ask for.",
			"%1$s est %2$s, que vous connaissez depuis %3$s, au moins les %4$s que vous demandez."),
	BARELY_KNOWN_RELATIONSHIP("%1$s is %2$s, and you recommend or introduce only people who are at least %3$s.",
			"%1$s est %2$s, et vous ne recommandez ou ne présentez que des personnes qui sont au moins %3$s."),
	BARELY_KNOWN_MONTHS("you have known %1$s for %2$s, fewer than the %3$s you ask for.",
			"vous connaissez %1$s depuis %2$s, moins que les %3$s que vous demandez."),
	BARELY_KNOWN_NO_SINCE(
			"your contacts do not say since when you have known %1$s, which counts as 0 months, fewer than the %2$s you ask for.",
			"vos contacts n'indiquent pas depuis quand vous connaissez %1$s, ce qui compte pour 0 mois, moins que les %2$s que vous demandez."),
	UNKNOWN_PERSON("%1$s is not one of your contacts, and you recommend or introduce only people you know.",
			"%1$s ne fait pas partie de vos contacts, et vous ne recommandez ou ne présentez que des personnes que vous connaissez."),
	OUT_OF_SCOPE("%1$s is not one of your contacts, and nothing in the request matches your activity.",
			"%1$s ne fait pas partie de vos contacts, et rien dans la demande ne correspond à votre activité."),
	WITHIN_BUDGET("%1$s of your %2$s weekly minutes were already given, these %3$s fit, leaving %4$s.",
			"%1$s de vos %2$s minutes de la semaine sont déjà données, ces %3$s y tiennent, il en restera %4$s."),
	BUDGET_EXHAUSTED("%1$s of your %2$s weekly minutes were already given, %3$s more would go over.",
			"%1$s de vos %2$s minutes de la semaine sont déjà données, %3$s de plus dépasseraient le budget."),
	OWNER_ACCEPTED("you decided yourself to accept %1$s.", "vous avez décidé vous-même d'accepter %1$s."),
	OWNER_DECLINED("you decided yourself to decline %1$s.", "vous avez décidé vous-même de décliner %1$s."),

	UNSURE_REVIEW("You decide (whenUnsure = REVIEW).", "À vous de décider (whenUnsure = REVIEW)."), UNSURE_DECLINE(
			"When unsure, you decline (whenUnsure = DECLINE).", "Dans le doute, vous déclinez (whenUnsure = DECLINE).");

	/** A wording with its figures, not yet put in a language. */
	record Phrase(Wording wording, Object... figures) {

		String in(String language) {
			Object[] worded = Arrays.stream(figures)
				.map(figure -> figure instanceof Phrase phrase ? phrase.in(language) : figure)
				.toArray();
			return String.format(Locale.ROOT, wording.text(language), worded);
		}
	}

	private final String en;

	private final String fr;

	Wording(String en, String fr) {
		this.en = en;
		this.fr = fr;
	}

	Phrase with(Object... figures) {
		return new Phrase(this, figures);
	}

	/** The words for a constant of the domain (a kind, purpose, relationship or rule). */
	static Phrase named(Enum<?> constant) {
		return valueOf(constant.name()).with();
	}

	static Phrase months(long count) {
		return (count == 1 ? MONTH : MONTHS).with(count);
	}

	/**
	 * "Rule 5, give advice within a limit set beforehand: ...", in the owner's language.
	 */
	static String explanation(String language, Rule rule, Phrase why) {
		return EXPLANATION.with(rule.number(), named(rule), why).in(language);
	}

	/** English for {@code en}; French, the profile's default, for anything else. */
	private String text(String language) {
		return "en".equals(language) ? en : fr;
	}

}
