package dev.politely.faults;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcomes the suite expects, worked out here from the contract (section 3) and the
 * owners' settings, not by the policy service's code. Each owner gets a repeating pattern
 * of ten solicitations per "period" (a month, and one ISO week of it, of
 * {@code receivedAt}): four coherent connection requests against a cap of three unknown
 * contacts a month, four requests for advice and a contact's question against a budget of
 * 100 minutes a week, and a ghost. So the fourth connection and the last request for
 * advice are declined only if the counters are exact: a decision counted twice after a
 * crash turns an acceptance into a refusal, one lost turns a refusal into an acceptance.
 */
final class OwnerModel {

	static final int MIN_MUTUALS = 3;
	static final int MAX_UNKNOWN = 3;
	static final int WEEKLY_BUDGET = 100;
	static final int DEFAULT_MINUTES = 30;
	static final int QUESTION_MINUTES = 10;
	static final int PER_PERIOD = 10;

	private static final LocalDate FIRST_PERIOD = LocalDate.of(2025, 1, 8);

	/** What the decision must say. */
	record Expected(String outcome, String rule, String reason, Integer offeredMinutes, boolean dependsOnCounters) {
	}

	/** One solicitation to send, with what must come of it. */
	record Planned(int sequence, Map<String, Object> body, Expected expected, boolean requesterEmail) {
	}

	private enum Shape {

		COHERENT_CONNECTION, GHOST_CONNECTION, ADVICE, CONTACT_QUESTION

	}

	private static final Shape[] PATTERN = { Shape.COHERENT_CONNECTION, Shape.ADVICE, Shape.GHOST_CONNECTION,
			Shape.COHERENT_CONNECTION, Shape.ADVICE, Shape.CONTACT_QUESTION, Shape.COHERENT_CONNECTION, Shape.ADVICE,
			Shape.COHERENT_CONNECTION, Shape.ADVICE };

	private final Map<YearMonth, Integer> unknownAccepted = new HashMap<>();

	private final Map<String, Integer> adviceMinutes = new HashMap<>();

	private int next;

	/**
	 * The next solicitation of this owner; they must reach the policy service in this
	 * order (one at a time).
	 */
	Planned next(String tag, String callbackUrl) {
		int i = next++;
		int period = i / PER_PERIOD;
		int slot = i % PER_PERIOD;
		Instant receivedAt = FIRST_PERIOD.plusMonths(period).atTime(9, slot).toInstant(ZoneOffset.UTC);
		Shape shape = PATTERN[slot];
		String name = "Requester " + tag + " " + i;
		String email = "r." + tag.toLowerCase().replaceAll("[^a-z0-9]", "") + "." + i + "@requesters.example.org";
		Map<String, Object> requester = new LinkedHashMap<>();
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("platform", "linkedin");
		body.put("receivedAt", receivedAt.toString());
		body.put("requester", requester);
		requester.put("name", name);
		boolean requesterEmail = true;
		Expected expected;
		switch (shape) {
			case COHERENT_CONNECTION -> {
				body.put("kind", "CONNECTION_REQUEST");
				requester.put("email", email);
				requester.put("headline", "Head of recruitment at Example " + i);
				requester.put("language", i % 2 == 0 ? "en" : "fr");
				requester.put("mutualConnections", 8);
				body.put("message", "Hello, we both work in recruitment: shall we connect?");
				expected = connection(receivedAt, true, 8);
			}
			case GHOST_CONNECTION -> {
				body.put("kind", "CONNECTION_REQUEST");
				requester.put("headline", "Growth hacker, 10x your reach");
				requester.put("mutualConnections", 1);
				body.put("message", "Hi! Let's connect and grow together.");
				requesterEmail = false;
				expected = connection(receivedAt, false, 1);
			}
			case ADVICE -> {
				// 25 + 40 + the question's 10 + 25 = 100 fit the week's budget; the
				// default 30 then does not
				Integer minutes = switch (slot) {
					case 1, 7 -> 25;
					case 4 -> 40;
					default -> null;
				};
				body.put("kind", "ADVICE_REQUEST");
				requester.put("email", email);
				requester.put("headline", "Junior consultant");
				requester.put("language", "en");
				requester.put("mutualConnections", 2);
				body.put("message", "Could you give me a piece of advice on onboarding new hires?");
				if (minutes != null) {
					body.put("estimatedMinutes", minutes);
				}
				expected = advice(receivedAt, minutes == null ? DEFAULT_MINUTES : minutes);
			}
			case CONTACT_QUESTION -> {
				body.put("kind", "QUESTION");
				requester.put("name", Owner.CONTACT_NAME);
				requester.put("email", Owner.CONTACT_EMAIL);
				requester.put("language", "en");
				body.put("message", "A quick one, about question " + i + ": do you have a minute?");
				expected = advice(receivedAt, QUESTION_MINUTES);
			}
			default -> throw new IllegalStateException();
		}
		if (callbackUrl != null) {
			body.put("reply", Map.of("callbackUrl", callbackUrl));
		}
		return new Planned(i, body, expected, requesterEmail);
	}

	/**
	 * Contract 3, CONNECTION_REQUEST from someone who is not a contact; whenUnsure =
	 * DECLINE.
	 */
	private Expected connection(Instant receivedAt, boolean coherent, int mutuals) {
		boolean enough = mutuals >= MIN_MUTUALS;
		if (coherent && enough) {
			YearMonth month = YearMonth.from(receivedAt.atZone(ZoneOffset.UTC));
			int accepted = unknownAccepted.getOrDefault(month, 0);
			if (accepted < MAX_UNKNOWN) {
				unknownAccepted.put(month, accepted + 1);
				return new Expected("ACCEPT", "RULE_2", "COHERENT_NETWORK", null, true);
			}
			return new Expected("DECLINE", "RULE_2", "MONTHLY_CAP", null, true);
		}
		if (!coherent && !enough) {
			return new Expected("DECLINE", "RULE_3", "GHOST", null, false);
		}
		return new Expected("DECLINE", "RULE_3", "WEAK_LINK", null, false);
	}

	/**
	 * Contract 3, ADVICE_REQUEST and QUESTION, from a contact or on the owner's subjects.
	 */
	private Expected advice(Instant receivedAt, int estimate) {
		LocalDate day = receivedAt.atZone(ZoneOffset.UTC).toLocalDate();
		String week = day.get(IsoFields.WEEK_BASED_YEAR) + "-W" + day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
		int given = adviceMinutes.getOrDefault(week, 0);
		if (given + estimate <= WEEKLY_BUDGET) {
			adviceMinutes.put(week, given + estimate);
			return new Expected("ACCEPT", "RULE_5", "WITHIN_BUDGET", estimate, true);
		}
		return new Expected("DECLINE", "RULE_5", "BUDGET_EXHAUSTED", null, true);
	}

}
