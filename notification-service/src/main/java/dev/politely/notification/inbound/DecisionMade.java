package dev.politely.notification.inbound;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The parts of a DecisionMade event that this service reads
 * (contracts/events/decision-made.v1). Unknown fields are ignored, so that the policy
 * service may add optional ones.
 *
 * @param decisionId the decision's id, which the Message-IDs are derived from
 * @param solicitationId the decided solicitation
 * @param decidedAt when it was decided, the start of the decision-to-delivery timer
 * @param outcome ACCEPT, DECLINE or REVIEW
 * @param rule the rule of the article that decided
 * @param reason the reason code, for the owner and the {@code X-Politely-Reason} header
 * only
 * @param explanation the decision in a sentence, already in the owner's language
 * @param setting the profile setting that decided it, if any
 * @param offeredMinutes the minutes offered by an accepted advice request or question
 * @param solicitation what was asked, by whom
 * @param owner to whom the decision belongs
 * @param reply how the requester is answered
 * @param review the owner's verdict links, on a REVIEW only (may be absent)
 */
public record DecisionMade(UUID decisionId, UUID solicitationId, Instant decidedAt, Outcome outcome, Rule rule,
		String reason, String explanation, String setting, Integer offeredMinutes, Solicitation solicitation,
		Owner owner, Reply reply, Review review) {

	/** Reason codes are UPPER_SNAKE words: they go into a header as they are. */
	private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

	public DecisionMade {
		requireNonNull(decisionId, "decisionId");
		requireNonNull(solicitationId, "solicitationId");
		requireNonNull(decidedAt, "decidedAt");
		requireNonNull(outcome, "outcome");
		requireNonNull(rule, "rule");
		requireNonNull(reason, "reason");
		if (!CODE.matcher(reason).matches()) {
			throw new IllegalArgumentException("reason is not a reason code");
		}
		requireNonNull(explanation, "explanation");
		requireNonNull(solicitation, "solicitation");
		requireNonNull(owner, "owner");
		requireNonNull(reply, "reply");
	}

	public Requester requester() {
		return solicitation.requester();
	}

	/** ACCEPT and DECLINE are final: they are answered; a REVIEW only asks the owner. */
	public boolean isFinal() {
		return outcome != Outcome.REVIEW;
	}

	/**
	 * @param kind what was asked
	 * @param platform where it was asked, as the webhook gave it
	 * @param platformClass the platform in the owner's eyes
	 * @param receivedAt when it was received
	 * @param requester who asked
	 * @param message the requester's message, if any
	 */
	public record Solicitation(Kind kind, String platform, PlatformClass platformClass, Instant receivedAt,
			Requester requester, String message) {

		public Solicitation {
			requireNonNull(kind, "solicitation.kind");
			requireNonNull(platform, "solicitation.platform");
			requireNonNull(platformClass, "solicitation.platformClass");
			requireNonNull(receivedAt, "solicitation.receivedAt");
			requireNonNull(requester, "solicitation.requester");
		}
	}

	/**
	 * @param name the requester's name, as they gave it
	 * @param email where the reply goes; no reply without it
	 * @param profileUrl their profile, shown to the owner
	 * @param headline their headline, shown to the owner
	 * @param mutualConnections shown to the owner only, never to the requester
	 */
	public record Requester(String name, String email, String profileUrl, String headline, Integer mutualConnections) {

		public Requester {
			requireNonNull(name, "requester.name");
		}

		public boolean hasEmail() {
			return email != null && !email.isBlank();
		}
	}

	/**
	 * @param id the owner's id
	 * @param displayName how the owner signs the replies
	 * @param email where the owner's emails go
	 * @param language the language of the owner's emails
	 * @param timezone the zone the owner reads dates in
	 * @param professionalPlatforms where a refusal on a private platform may point the
	 * requester
	 * @param emails the owner's cadence of decision emails, EACH when absent
	 * @param digestTime HH:mm in the owner's zone, when a daily digest goes out; 18:00
	 * when absent
	 */
	public record Owner(String id, String displayName, String email, LetterLanguage language, String timezone,
			List<String> professionalPlatforms, EmailCadence emails, String digestTime) {

		private static final LocalTime DEFAULT_DIGEST_TIME = LocalTime.of(18, 0);

		public Owner {
			requireNonNull(id, "owner.id");
			requireNonNull(displayName, "owner.displayName");
			requireNonNull(email, "owner.email");
			requireNonNull(language, "owner.language");
			requireNonNull(timezone, "owner.timezone");
			professionalPlatforms = professionalPlatforms == null ? List.of() : List.copyOf(professionalPlatforms);
			emails = emails == null ? EmailCadence.EACH : emails;
		}

		/**
		 * The digest time; one the schema lets through but no clock has (29:00) falls
		 * back to 18:00.
		 */
		public LocalTime digestLocalTime() {
			if (digestTime == null) {
				return DEFAULT_DIGEST_TIME;
			}
			try {
				return LocalTime.parse(digestTime);
			}
			catch (DateTimeParseException ex) {
				return DEFAULT_DIGEST_TIME;
			}
		}
	}

	/**
	 * @param language the language of the requester's reply
	 * @param callbackUrl where the reply is also posted, signed, if set
	 */
	public record Reply(LetterLanguage language, String callbackUrl) {

		public Reply {
			requireNonNull(language, "reply.language");
			callbackUrl = callbackUrl == null || callbackUrl.isBlank() ? null : callbackUrl.strip();
		}
	}

	/**
	 * @param acceptUrl the owner's link to accept
	 * @param declineUrl the owner's link to decline
	 * @param expiresAt when both links expire
	 */
	public record Review(String acceptUrl, String declineUrl, Instant expiresAt) {
	}

}
