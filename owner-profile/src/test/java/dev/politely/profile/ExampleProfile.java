package dev.politely.profile;

import java.nio.charset.StandardCharsets;

/**
 * The contract's {@code policy-profile.example.yml}, verbatim, and small edits of it: the
 * tests start from the profile users copy, so a drift between the example and the parser
 * shows here.
 */
public final class ExampleProfile {

	public static final String YAML = """
			# The owner's policy profile: config/profiles/alice.yml (the file name is the owner id).
			owner: alice                         # must equal the file name without .yml
			displayName: Alice Martin
			email: alice@example.com             # decision emails go here
			language: fr                         # language of the owner's emails; default for replies
			timezone: Europe/Paris               # weeks and months are counted in this zone
			webhookSecret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw   # Standard Webhooks secret for this owner's webhook
			callbackUrl: null                    # optional default callback for replies (see contract section 4)
			callbackOrigins: [http://localhost:9999]   # optional: where a webhook body's reply.callbackUrl may point (section 1)

			# Rule 1: know why you say yes. Kinds whose purpose is not listed are declined.
			purposes: [NETWORK, CONTRIBUTE, FRIENDSHIP]

			# Rules 2 and 3: coherence with my professional activity.
			activity:
			  keywords: [ressources humaines, RH, recrutement, formation, talent, onboarding, carrière]

			# Rule 4: keep professional and private platforms apart.
			platforms:
			  professional: [linkedin, xing, malt, viadeo, welcome to the jungle]
			  private: [facebook, instagram, whatsapp, snapchat, tiktok]

			connections:
			  minMutualConnections: 3            # rule 3: below this, with no coherence, a request is a "ghost"
			  maxUnknownPerMonth: 20             # rule 2: accepting is not networking; cap on people I don't know

			# Rule 3: never recommend or introduce someone I barely know.
			recommendations:
			  minRelationship: COLLEAGUE         # ACQUAINTANCE < COLLEAGUE < CLOSE
			  minKnownMonths: 12

			# Rule 5: give advice gladly, within a limit set beforehand.
			advice:
			  weeklyBudgetMinutes: 120
			  defaultMinutes: 30                 # ADVICE_REQUEST without estimatedMinutes
			  questionMinutes: 10                # QUESTION without estimatedMinutes

			# People I actually know.
			contacts:
			  - name: Bruno Petit
			    email: bruno.petit@example.org
			    profileUrl: https://www.linkedin.com/in/bruno-petit-example
			    relationship: COLLEAGUE
			    since: 2019-03-01
			  - name: Claire Dubois
			    email: claire.dubois@example.org
			    relationship: CLOSE
			    since: 2012-09-15
			  - name: Sophie Lambert              # met once at a conference
			    email: sophie.lambert@example.net
			    relationship: ACQUAINTANCE
			    since: 2025-06-12

			whenUnsure: REVIEW                   # REVIEW: ask me by email; DECLINE: decline politely
			""";

	private ExampleProfile() {
	}

	/** Alice's profile, as the example file gives it. */
	public static Profile alice() {
		return parse(YAML);
	}

	/**
	 * Alice's profile with each {@code edits[i]} replaced by {@code edits[i + 1]}; each
	 * must occur in the file.
	 */
	public static Profile aliceWith(String... edits) {
		return parse(edited(edits));
	}

	public static String edited(String... edits) {
		String yaml = YAML;
		for (int i = 0; i < edits.length; i += 2) {
			if (!yaml.contains(edits[i])) {
				throw new IllegalArgumentException("the example profile has no " + edits[i]);
			}
			yaml = yaml.replace(edits[i], edits[i + 1]);
		}
		return yaml;
	}

	public static Profile parse(String yaml) {
		ProfileParser.Result result = ProfileParser.parse("alice.yml", yaml.getBytes(StandardCharsets.UTF_8));
		if (result instanceof ProfileParser.Parsed parsed) {
			return parsed.profile();
		}
		throw new IllegalArgumentException("invalid test profile: " + ((ProfileParser.Rejected) result).errors());
	}

}
