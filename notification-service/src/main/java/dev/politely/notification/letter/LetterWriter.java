package dev.politely.notification.letter;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.politely.notification.inbound.DecisionMade;
import dev.politely.notification.inbound.Kind;
import dev.politely.notification.inbound.LetterLanguage;
import dev.politely.notification.inbound.Outcome;
import dev.politely.notification.inbound.PlatformClass;
import dev.politely.notification.letter.Templates.Bodies;

/**
 * Writes the letters of a decision (contract section 4). A final decision gives the
 * owner's decision email and, when the requester left an address, their reply; a REVIEW
 * gives the owner's question only. The requester's reply is built from the kind, the
 * outcome and the minutes only: no reason, rule, count or explanation ever reaches it.
 */
public final class LetterWriter {

	private static final int QUOTE_LIMIT = 500;

	private final Templates templates = new Templates(new MessageBundle("mail/messages"));

	public List<Letter> write(DecisionMade decision) {
		return switch (decision.outcome()) {
			case REVIEW -> List.of(toOwner(decision, "owner/review"));
			case ACCEPT, DECLINE ->
				decision.requester().hasEmail() ? List.of(toOwner(decision, "owner/decision"), toRequester(decision))
						: List.of(toOwner(decision, "owner/decision"));
		};
	}

	private Letter toOwner(DecisionMade decision, String template) {
		LetterLanguage language = decision.owner().language();
		DecisionMade.Solicitation solicitation = decision.solicitation();
		DecisionMade.Requester requester = decision.requester();
		String subject = templates.message(language, "subject.owner." + decision.outcome(), requester.name(),
				templates.message(language, "kind." + solicitation.kind()));

		Map<String, Object> variables = new HashMap<>();
		variables.put("subject", subject);
		variables.put("ownerName", decision.owner().displayName());
		variables.put("requesterName", requester.name());
		variables.put("requesterHeadline", requester.headline());
		variables.put("requesterEmail", requester.email());
		variables.put("requesterProfileUrl", requester.profileUrl());
		variables.put("mutualConnections", requester.mutualConnections());
		variables.put("platform", PlatformNames.display(solicitation.platform()));
		variables.put("receivedAt", dateTime(solicitation.receivedAt(), decision, language));
		variables.put("message", solicitation.message());
		variables.put("kind", solicitation.kind().name());
		variables.put("kindPhrase", templates.message(language, "kind.a." + solicitation.kind()));
		variables.put("outcome", decision.outcome().name());
		variables.put("rule", decision.rule().name());
		variables.put("explanation", decision.explanation());
		variables.put("setting", decision.setting());
		variables.put("minutes", decision.offeredMinutes());
		variables.put("replySent", requester.hasEmail());
		variables.put("replyLanguage", templates.message(language, "language." + decision.reply().language().code()));
		DecisionMade.Review review = decision.review();
		if (review != null) {
			String acceptUrl = webLink(review.acceptUrl());
			String declineUrl = webLink(review.declineUrl());
			if (acceptUrl != null && declineUrl != null) {
				variables.put("acceptUrl", acceptUrl);
				variables.put("declineUrl", declineUrl);
				variables.put("expiresAt",
						review.expiresAt() == null ? null : dateTime(review.expiresAt(), decision, language));
			}
		}

		Bodies bodies = templates.render(template, language, variables);
		return new Letter(Role.OWNER, decision.owner().email(), decision.owner().displayName(),
				templates.message(language, "sender.owner"), subject, bodies.text(), bodies.html());
	}

	private Letter toRequester(DecisionMade decision) {
		ReplyText reply = reply(decision);
		return new Letter(Role.REQUESTER, decision.requester().email(), decision.requester().name(),
				templates.message(reply.language(), "sender.requester", decision.owner().displayName()),
				reply.subject(), reply.text(), reply.html());
	}

	/**
	 * The requester's reply to a final decision, whether or not they left an address: the
	 * callback carries it too.
	 */
	public ReplyText reply(DecisionMade decision) {
		if (!decision.isFinal()) {
			throw new IllegalArgumentException("A REVIEW has no reply yet");
		}
		LetterLanguage language = decision.reply().language();
		DecisionMade.Solicitation solicitation = decision.solicitation();
		String name = decision.requester().name();
		Kind kind = solicitation.kind();
		Integer minutes = decision.offeredMinutes();
		boolean accepted = decision.outcome() == Outcome.ACCEPT;
		// an accepted request for time states the minutes; without them (an owner's
		// verdict) it says yes plainly
		String variant = kind.takesTime() && minutes == null ? ".untimed" : "";
		String subject = accepted
				? templates.message(language, "subject.requester.accept." + kind + variant, name, minutes)
				: templates.message(language, "subject.requester.decline", name);

		Map<String, Object> variables = new HashMap<>();
		variables.put("subject", subject);
		variables.put("requesterName", name);
		variables.put("ownerName", decision.owner().displayName());
		variables.put("acceptKey", "requester.accept." + kind + variant);
		variables.put("declineKey", "requester.decline." + kind);
		variables.put("minutes", minutes);
		variables.put("quote", kind.takesTime() ? abbreviate(solicitation.message()) : null);
		variables.put("platform", PlatformNames.display(solicitation.platform()));
		variables.put("professionalPlatform", professionalPresence(decision));

		Bodies bodies = templates.render(accepted ? "requester/accept" : "requester/decline", language, variables);
		return new ReplyText(language, subject, bodies.text(), bodies.html());
	}

	/**
	 * The owner's daily digest: one email for the day's final decisions, oldest first,
	 * each with who asked what, the outcome and why.
	 */
	public Letter digest(DecisionMade.Owner owner, LocalDate day, List<DigestLine> lines) {
		LetterLanguage language = owner.language();
		String date = DateTimeFormatter.ofPattern(templates.message(language, "format.date"), language.locale())
			.format(day);
		String subject = templates.message(language, "subject.owner.digest", date, lines.size());
		List<Map<String, Object>> items = lines.stream()
			.sorted(Comparator.comparing(DigestLine::decidedAt).thenComparing(DigestLine::decisionId))
			.map(line -> {
				Map<String, Object> item = new HashMap<>();
				item.put("summary", templates.message(language, "owner.digest.item", line.requesterName(),
						templates.message(language, "kind.a." + line.kind()), PlatformNames.display(line.platform()),
						templates.message(language, "outcome." + line.outcome())));
				item.put("explanation", line.explanation());
				item.put("rule", templates.message(language, "rule." + line.rule()));
				item.put("setting", line.setting());
				item.put("replySent", line.replySent());
				return item;
			})
			.toList();
		Map<String, Object> variables = new HashMap<>();
		variables.put("subject", subject);
		variables.put("ownerName", owner.displayName());
		variables.put("date", date);
		variables.put("count", lines.size());
		variables.put("items", items);
		Bodies bodies = templates.render("owner/digest", language, variables);
		return new Letter(Role.OWNER, owner.email(), owner.displayName(), templates.message(language, "sender.owner"),
				subject, bodies.text(), bodies.html());
	}

	/**
	 * Rule 4: a request on a private platform may be pointed to where the owner meets
	 * people professionally.
	 */
	private static String professionalPresence(DecisionMade decision) {
		List<String> platforms = decision.owner().professionalPlatforms();
		if (decision.solicitation().platformClass() != PlatformClass.PRIVATE || platforms.isEmpty()
				|| platforms.get(0).isBlank()) {
			return null;
		}
		return PlatformNames.display(platforms.get(0));
	}

	private String dateTime(Instant instant, DecisionMade decision, LetterLanguage language) {
		ZoneId zone;
		try {
			zone = ZoneId.of(decision.owner().timezone());
		}
		catch (DateTimeException ex) {
			zone = ZoneOffset.UTC;
		}
		return DateTimeFormatter.ofPattern(templates.message(language, "format.dateTime"), language.locale())
			.withZone(zone)
			.format(instant);
	}

	/**
	 * Only web links become links: a {@code javascript:} or {@code data:} URL is not
	 * rendered at all.
	 */
	private static String webLink(String url) {
		if (url == null) {
			return null;
		}
		String lower = url.strip().toLowerCase(Locale.ROOT);
		return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
	}

	private static String abbreviate(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		return stripped.length() <= QUOTE_LIMIT ? stripped : stripped.substring(0, QUOTE_LIMIT - 1).strip() + "…";
	}

}
