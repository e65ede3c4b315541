package dev.politely.importer;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.politely.importer.webhook.Pause;
import dev.politely.importer.webhook.SolicitationStatus;
import dev.politely.importer.webhook.StatusClient;

/**
 * Waits, with progress, until every imported invitation is decided or waiting for the
 * owner's review, asking the status API round after round; bounded by {@code --wait}, and
 * one round even when that is 0.
 */
final class DecisionWait {

	private static final Duration BETWEEN_ROUNDS = Duration.ofSeconds(1);

	private final PrintStream out;

	private final Progress progress;

	private final StatusClient status;

	private final Pause pause;

	DecisionWait(PrintStream out, Progress progress, StatusClient status, Pause pause) {
		this.out = out;
		this.progress = progress;
		this.status = status;
		this.pause = pause;
	}

	/** The invitations with what the status API last said of each. */
	List<Imported> await(List<Imported> imported, Duration waitFor) throws InterruptedException {
		List<Imported> current = new ArrayList<>(imported);
		long deadline = System.nanoTime() + waitFor.toNanos();
		this.out.println();
		this.progress.start("deciding", current.size());
		int settled = 0;
		while (true) {
			for (int i = 0; i < current.size(); i++) {
				Imported one = current.get(i);
				if (one.status() == null || !one.status().settled()) {
					SolicitationStatus now = this.status.status(one.solicitationId());
					current.set(i, one.withStatus(now));
					if (now.settled()) {
						settled++;
						this.progress.update(settled);
					}
				}
			}
			if (settled == current.size() || System.nanoTime() >= deadline) {
				break;
			}
			this.pause.pause(BETWEEN_ROUNDS);
		}
		this.progress.finish(settled);
		if (settled < current.size()) {
			this.out.println((current.size() - settled) + " invitation(s) not decided after " + Progress.clock(waitFor)
					+ " (--wait); their decisions will still come (the owner's emails), the report shows them as not decided yet");
		}
		return current;
	}

}
