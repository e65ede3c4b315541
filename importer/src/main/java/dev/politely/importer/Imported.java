package dev.politely.importer;

import java.util.UUID;

import dev.politely.importer.export.Invitation;
import dev.politely.importer.webhook.SolicitationStatus;

/**
 * An invitation the webhook took (now or in an earlier import), and what the status API
 * last said of it.
 */
record Imported(Invitation invitation, UUID solicitationId, boolean alreadyKnown, SolicitationStatus status) {

	Imported withStatus(SolicitationStatus newStatus) {
		return new Imported(this.invitation, this.solicitationId, this.alreadyKnown, newStatus);
	}

	/** What to do on LinkedIn, the report's grouping. */
	Triage triage() {
		if (this.status == null) {
			return Triage.PENDING;
		}
		if ("REVIEW".equals(this.status.state()) || "REVIEW".equals(this.status.outcome())) {
			return this.status.settled() ? Triage.REVIEW : Triage.PENDING;
		}
		if (!"DECIDED".equals(this.status.state())) {
			return Triage.PENDING;
		}
		return "ACCEPT".equals(this.status.outcome()) ? Triage.ACCEPT : Triage.IGNORE;
	}

	enum Triage {

		ACCEPT("accept", "Accept on LinkedIn"), IGNORE("ignore", "Ignore"), REVIEW("review", "Review"),
		PENDING("not decided yet", "Not decided yet");

		final String word;

		final String heading;

		Triage(String word, String heading) {
			this.word = word;
			this.heading = heading;
		}

	}

}
