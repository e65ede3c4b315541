package dev.politely.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.politely.importer.OwnerSecret.InvalidOwnerException;
import dev.politely.importer.export.Export;
import dev.politely.importer.export.Invitation;
import dev.politely.importer.export.InvitationsExport;
import dev.politely.importer.export.RowError;
import dev.politely.importer.export.WrongFileException;
import dev.politely.importer.webhook.Delivery;
import dev.politely.importer.webhook.InvitationIds;
import dev.politely.importer.webhook.Pause;
import dev.politely.importer.webhook.SolicitationBody;
import dev.politely.importer.webhook.StatusClient;
import dev.politely.importer.webhook.WebhookClient;
import dev.politely.webhook.signature.WebhookSecret;

/**
 * {@code ./politely import FILE --owner ID}: reads the export, sends its INCOMING
 * invitations oldest first through the owner's webhook, prints a summary, waits for the
 * decisions and writes the triage report.
 * <p>
 * Exit status: 0 everything imported (or already known); 1 some rows could not be read or
 * were refused; 2 nothing sent (usage, profile, wrong file); 3 the intake could not be
 * reached, the import stopped (running it again is safe).
 */
public final class ImportCommand {

	static final int OK = 0;

	static final int SOME_FAILED = 1;

	static final int NOTHING_SENT = 2;

	static final int STOPPED = 3;

	private final PrintStream out;

	private final Progress progress;

	private final HttpClient http;

	private final Pause pause;

	private final Clock clock;

	ImportCommand(PrintStream out, boolean terminal, HttpClient http, Pause pause, Clock clock) {
		this.out = out;
		this.progress = new Progress(out, terminal, System::nanoTime);
		this.http = http;
		this.pause = pause;
		this.clock = clock;
	}

	public static void main(String[] args) throws InterruptedException {
		boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		int status = new ImportCommand(System.out, terminal, http, Pause.SLEEP, Clock.systemUTC()).run(args,
				System.getenv());
		System.exit(status);
	}

	int run(String[] args, Map<String, String> env) throws InterruptedException {
		ImportOptions options;
		WebhookSecret secret;
		Export export;
		try {
			options = ImportOptions.parse(args, env);
		}
		catch (IllegalArgumentException ex) {
			this.out.println("politely import: " + ex.getMessage());
			this.out.println(ImportOptions.USAGE);
			return NOTHING_SENT;
		}
		try {
			secret = OwnerSecret.read(options.profilesDir(), options.ownerId());
			export = InvitationsExport.read(options.file());
		}
		catch (InvalidOwnerException | WrongFileException ex) {
			this.out.println("politely import: " + ex.getMessage() + "; nothing was sent.");
			return NOTHING_SENT;
		}
		catch (IOException ex) {
			this.out.println(
					"politely import: cannot read " + options.file() + ": " + ex.getMessage() + "; nothing was sent.");
			return NOTHING_SENT;
		}
		this.out.printf("%s: %d rows, %d incoming, %d outgoing (skipped), %d unreadable%n", options.file(),
				export.rowsRead(), export.incoming().size(), export.outgoing(), export.errors().size());
		for (RowError error : export.errors()) {
			this.out.println("  unreadable row, " + error);
		}

		WebhookClient webhook = new WebhookClient(options.url(), options.ownerId(), secret, this.http, this.pause,
				this.clock);
		Sent sent = send(options.ownerId(), export.incoming(), webhook);
		printSummary(export, sent, webhook.retries());

		if (!sent.imported().isEmpty()) {
			StatusClient status = new StatusClient(options.url(), options.ownerId(), secret, this.http, this.clock);
			List<Imported> triaged = new DecisionWait(this.out, this.progress, status, this.pause)
				.await(sent.imported(), options.waitFor());
			Path report = options.reportDir()
				.resolve("triage-" + options.ownerId() + "-" + LocalDate.now(this.clock.withZone(ZoneOffset.UTC))
						+ ".csv");
			try {
				TriageReport.write(report, triaged);
				this.out.println("Triage report: " + report);
			}
			catch (IOException ex) {
				this.out.println("politely import: cannot write " + report + ": " + ex.getMessage());
			}
			TriageReport.print(this.out, triaged);
		}
		if (sent.stopped() != null) {
			this.out.println();
			this.out.println("politely import: stopped, " + sent.stopped() + "; " + sent.notSent()
					+ " invitation(s) not sent. Running the same import again is safe.");
			return STOPPED;
		}
		return (sent.refused().isEmpty() && export.errors().isEmpty()) ? OK : SOME_FAILED;
	}

	private Sent send(String ownerId, List<Invitation> invitations, WebhookClient webhook) throws InterruptedException {
		List<Imported> imported = new ArrayList<>();
		List<String> refused = new ArrayList<>();
		this.progress.start("sending", invitations.size());
		for (int i = 0; i < invitations.size(); i++) {
			Invitation invitation = invitations.get(i);
			Delivery delivery = webhook.deliver(InvitationIds.webhookId(ownerId, invitation),
					SolicitationBody.of(invitation));
			if (delivery instanceof Delivery.Accepted accepted) {
				imported.add(new Imported(invitation, accepted.solicitationId(), false, null));
			}
			else if (delivery instanceof Delivery.AlreadyKnown known) {
				imported.add(new Imported(invitation, known.solicitationId(), true, null));
			}
			else if (delivery instanceof Delivery.Refused refusal) {
				refused.add("line " + invitation.line() + " (" + invitation.name() + "): " + refusal.reason());
			}
			else if (delivery instanceof Delivery.Unreachable unreachable) {
				this.progress.finish(i);
				return new Sent(imported, refused, unreachable.reason(), invitations.size() - i);
			}
			this.progress.update(i + 1);
		}
		this.progress.finish(invitations.size());
		this.out.println("sent in " + Progress.clock(this.progress.elapsed()));
		return new Sent(imported, refused, null, 0);
	}

	private void printSummary(Export export, Sent sent, long retries) {
		long known = sent.imported().stream().filter(Imported::alreadyKnown).count();
		this.out.println();
		this.out.println(
				"| rows read | incoming | outgoing skipped | accepted | already known | refused | unreadable rows |");
		this.out.println("|---:|---:|---:|---:|---:|---:|---:|");
		this.out.printf("| %d | %d | %d | %d | %d | %d | %d |%n", export.rowsRead(), export.incoming().size(),
				export.outgoing(), sent.imported().size() - known, known, sent.refused().size(),
				export.errors().size());
		if (retries > 0) {
			this.out.println("(" + retries + " deliveries retried after 429/503 or a connection failure)");
		}
		for (String refusal : sent.refused()) {
			this.out.println("  refused, " + refusal);
		}
	}

	private record Sent(List<Imported> imported, List<String> refused, String stopped, int notSent) {
	}

}
