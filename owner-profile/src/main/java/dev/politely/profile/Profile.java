package dev.politely.profile;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One owner's policy, as validated from {@code <owner>.yml}: every key of
 * {@code policy-profile.example.yml}, defaults applied, plus the version of the file.
 *
 * @param owner the owner id, equal to the file name without {@code .yml}
 * @param displayName how the owner is named in emails
 * @param email where the owner's decision emails go
 * @param language {@code fr} or {@code en}: the owner's emails and explanations
 * @param timezone the zone in which weeks and months are counted
 * @param webhookSecret {@code whsec_<base64>}, the Standard Webhooks secret of this owner
 * @param callbackUrl the default callback for replies, or null
 * @param callbackOrigins the other origins a solicitation's {@code reply.callbackUrl} may
 * point to (optional key, default none)
 * @param purposes rule 1: the reasons to say yes, in declaration order
 * @param ownerEmails how decision emails reach the owner (optional key, default EACH)
 * @param digestTime when the daily digest goes out, in {@code timezone} (optional key,
 * default 18:00)
 * @param policyVersion SHA-256 (hex) of the raw file bytes: which version of the policy
 * decided
 */
public record Profile(String owner, String displayName, String email, String language, ZoneId timezone,
		String webhookSecret, String callbackUrl, List<Origin> callbackOrigins, Set<Purpose> purposes,
		Activity activity, Platforms platforms, Connections connections, Recommendations recommendations, Advice advice,
		List<Contact> contacts, WhenUnsure whenUnsure, OwnerEmails ownerEmails, LocalTime digestTime,
		String policyVersion) {

	public Profile {
		Objects.requireNonNull(owner, "owner");
		Objects.requireNonNull(timezone, "timezone");
		callbackOrigins = callbackOrigins == null ? List.of() : List.copyOf(callbackOrigins);
		purposes = inDeclarationOrder(purposes);
		contacts = List.copyOf(contacts);
	}

	/**
	 * Contract sections 1 and 2: a callback may go to the origin of {@code callbackUrl}
	 * (the owner wrote it) or to one of {@code callbackOrigins}; a solicitation's body,
	 * which anyone holding the webhook secret writes, may point nowhere else.
	 */
	public boolean allowsCallbackTo(String url) {
		Optional<Origin> origin = Origin.ofUrl(url);
		return origin.isPresent()
				&& (origin.equals(Origin.ofUrl(callbackUrl)) || callbackOrigins.contains(origin.get()));
	}

	/**
	 * Rules 2, 3 and 5: the words that show a request is coherent with the owner's
	 * activity.
	 */
	public record Activity(List<String> keywords) {
		public Activity {
			keywords = List.copyOf(keywords);
		}
	}

	/**
	 * Rule 4: where the owner is professional and where private.
	 *
	 * @param personal the YAML key {@code private} ({@code private} is a Java keyword)
	 */
	public record Platforms(List<String> professional, List<String> personal) {
		public Platforms {
			professional = List.copyOf(professional);
			personal = List.copyOf(personal);
		}
	}

	/** Rules 2 and 3 for connection requests. */
	public record Connections(int minMutualConnections, int maxUnknownPerMonth) {
	}

	/** Rule 3 for recommendation and introduction requests. */
	public record Recommendations(Relationship minRelationship, int minKnownMonths) {
	}

	/**
	 * Rule 5: the weekly limit set beforehand, and the estimates used when a request
	 * gives none.
	 */
	public record Advice(int weeklyBudgetMinutes, int defaultMinutes, int questionMinutes) {
	}

	/**
	 * Someone the owner actually knows. At least one of {@code email} and
	 * {@code profileUrl} is set.
	 *
	 * @param since when the owner met them, or null (then they count as known for 0
	 * months)
	 */
	public record Contact(String name, String email, String profileUrl, Relationship relationship, LocalDate since) {
	}

	/** Never prints the webhook secret: profiles end up in logs. */
	@Override
	public String toString() {
		return "Profile[owner=" + owner + ", policyVersion=" + policyVersion + "]";
	}

	private static Set<Purpose> inDeclarationOrder(Collection<Purpose> purposes) {
		EnumSet<Purpose> set = EnumSet.noneOf(Purpose.class);
		set.addAll(purposes);
		return Collections.unmodifiableSet(set);
	}
}
