package dev.politely.notification.digest;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;

import dev.politely.notification.inbound.DecisionMade;
import dev.politely.notification.letter.DigestLine;

/**
 * A decision waiting for its owner's digest, as kept in the {@code politely.digests}
 * table.
 *
 * @param owner the owner as the decision described them (address, language, zone)
 * @param day the digest's day, in the owner's zone
 * @param due when that digest goes out
 * @param line the decision, in a line
 */
record PendingDigestLine(DecisionMade.Owner owner, LocalDate day, Instant due, DigestLine line) {

	PendingDigestLine {
		requireNonNull(owner, "owner");
		requireNonNull(day, "day");
		requireNonNull(due, "due");
		requireNonNull(line, "line");
	}

	String key() {
		return owner.id() + "/" + day + "/" + line.decisionId();
	}

}
