package dev.politely.importer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import dev.politely.webhook.body.Solicitation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole command against a real HTTP server that checks every signature and body with
 * the webhook contract.
 */
class ImportCommandTest {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final String HEADER = "\uFEFFFrom,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n";

	private static final String EXPORT = HEADER
			+ """
					Chloé Lefèvre,Alice Martin,"11/16/22, 12:32 PM","Je travaille dans le recrutement, ""RH"" et formation.
					Au plaisir !",INCOMING,https://www.linkedin.com/in/chloe,https://www.linkedin.com/in/alice\r
					Alice Martin,Bo Li,"11/15/22, 9:05 AM",,OUTGOING,https://www.linkedin.com/in/alice,https://www.linkedin.com/in/bo\r
					Дмитрий Иванов,Alice Martin,"10/2/22, 6:40 PM",,INCOMING,https://www.linkedin.com/in/dmitri,https://www.linkedin.com/in/alice\r
					Review Me,Alice Martin,"1/5/22, 8:00 AM",Hello,INCOMING,https://www.linkedin.com/in/review,https://www.linkedin.com/in/alice\r
					""";

	@TempDir
	Path directory;

	private StubIntake intake;

	private final List<Duration> pauses = Collections.synchronizedList(new ArrayList<>());

	private final ByteArrayOutputStream output = new ByteArrayOutputStream();

	@BeforeEach
	void start() throws Exception {
		this.intake = new StubIntake(SECRET);
		Files.createDirectories(this.directory.resolve("profiles"));
		Files.writeString(this.directory.resolve("profiles/alice.yml"), profile(SECRET));
		this.intake.decideWith(ImportCommandTest::decide);
	}

	@AfterEach
	void stop() {
		this.intake.close();
	}

	@Test
	void sendsIncomingInvitationsOldestFirstSignedAsConnectionRequests() throws Exception {
		int status = run(file(EXPORT), "--wait", "0");

		assertThat(status).isZero();
		assertThat(this.intake.badSignatures()).isZero();
		List<Solicitation> sent = this.intake.received().stream().map(StubIntake.Received::solicitation).toList();
		assertThat(sent).extracting((solicitation) -> solicitation.requester().name())
			.containsExactly("Review Me", "Дмитрий Иванов", "Chloé Lefèvre");
		Solicitation chloe = sent.get(2);
		assertThat(chloe.kind()).isEqualTo("CONNECTION_REQUEST");
		assertThat(chloe.platform()).isEqualTo("linkedin");
		assertThat(chloe.receivedAt()).isEqualTo(Instant.parse("2022-11-16T12:32:00Z"));
		assertThat(chloe.requester().profileUrl()).isEqualTo("https://www.linkedin.com/in/chloe");
		assertThat(chloe.message()).isEqualTo("Je travaille dans le recrutement, \"RH\" et formation.\nAu plaisir !");
		assertThat(sent.get(1).message()).isNull();
		assertThat(output()).contains("| 4 | 3 | 1 | 3 | 0 | 0 | 0 |");
	}

	@Test
	void waitsTheRetryAfterOfA429AndDeliversAgainWithTheSameId() throws Exception {
		this.intake.answerTooManyOnce("Дмитрий Иванов");

		int status = run(file(EXPORT), "--wait", "0");

		assertThat(status).isZero();
		assertThat(this.pauses).contains(Duration.ofSeconds(2));
		List<StubIntake.Received> received = this.intake.received();
		assertThat(received).extracting((r) -> r.solicitation().requester().name())
			.containsExactly("Review Me", "Дмитрий Иванов", "Дмитрий Иванов", "Chloé Lefèvre");
		assertThat(received.get(1).webhookId()).isEqualTo(received.get(2).webhookId());
		assertThat(output()).contains("| 4 | 3 | 1 | 3 | 0 | 0 | 0 |");
	}

	@Test
	void importingTheSameExportAgainDecidesNothingTwice() throws Exception {
		Path export = file(EXPORT);
		run(export, "--wait", "0");
		this.output.reset();

		int status = run(export, "--wait", "0");

		assertThat(status).isZero();
		assertThat(output()).contains("| 4 | 3 | 1 | 0 | 3 | 0 | 0 |");
		List<String> ids = this.intake.received().stream().map(StubIntake.Received::webhookId).toList();
		assertThat(ids.subList(3, 6)).isEqualTo(ids.subList(0, 3));
	}

	@Test
	void writesTheTriageReportGroupedByWhatToDo() throws Exception {
		int status = run(file(EXPORT), "--wait", "10s");

		assertThat(status).isZero();
		Path report = this.directory.resolve("triage-alice-" + LocalDate.now(ZoneOffset.UTC) + ".csv");
		String csv = Files.readString(report, StandardCharsets.UTF_8);
		assertThat(csv).startsWith("\uFEFFName,Profile URL,Sent At,Outcome,Rule,Message\r\n")
			.contains("Review Me,https://www.linkedin.com/in/review,2022-01-05T08:00:00Z,review,,Hello\r\n")
			.contains("Дмитрий Иванов,https://www.linkedin.com/in/dmitri,2022-10-02T18:40:00Z,ignore,"
					+ "\"Rule 3, accept not to accept: nothing in common with your work and few mutual connections\",\r\n")
			.contains("Chloé Lefèvre,https://www.linkedin.com/in/chloe,2022-11-16T12:32:00Z,accept,"
					+ "\"Rule 2, build a real network around your work: coherent with your work\","
					+ "\"Je travaille dans le recrutement, \"\"RH\"\" et formation.\nAu plaisir !\"\r\n");
		String printed = output();
		assertThat(printed).contains("Accept on LinkedIn (1)", "Ignore (1)", "Review (1)");
		assertThat(printed.indexOf("Chloé Lefèvre", printed.indexOf("Accept on LinkedIn")))
			.isLessThan(printed.indexOf("Ignore (1)"));
	}

	@Test
	void waitsForTheDecisionsWithinTheWait() throws Exception {
		List<String> decided = Collections.synchronizedList(new ArrayList<>());
		// nothing is decided until the second round of questions
		this.intake.decideWith((solicitation) -> decided.add(solicitation.requester().name()) && decided.size() > 3
				? decide(solicitation) : "\"status\":\"RECEIVED\"");

		int status = run(file(EXPORT), "--wait", "1m");

		assertThat(status).isZero();
		assertThat(this.pauses).contains(Duration.ofSeconds(1));
		assertThat(output()).contains("Accept on LinkedIn (1)").doesNotContain("Not decided yet");
	}

	@Test
	void refusesAnotherFileNamingTheColumnsAndSendsNothing() throws Exception {
		Path connections = this.directory.resolve("Connections.csv");
		Files.writeString(connections, "First Name,Last Name,URL\r\nAna,Li,https://l.example/ana\r\n");

		int status = run(connections, "--wait", "0");

		assertThat(status).isEqualTo(ImportCommand.NOTHING_SENT);
		assertThat(output()).contains("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl",
				"nothing was sent");
		assertThat(this.intake.received()).isEmpty();
	}

	@Test
	void reportsUnreadableAndRefusedRowsAndSaysSoInItsExitStatus() throws Exception {
		String export = EXPORT + "Bad Date,Alice Martin,someday,,INCOMING,https://www.linkedin.com/in/bad,\r\n"
				+ "Line\u0000Feed,Alice Martin,\"1/1/21, 1:00 AM\",,INCOMING,https://www.linkedin.com/in/nul,\r\n";

		int status = run(file(export), "--wait", "0");

		assertThat(status).isEqualTo(ImportCommand.SOME_FAILED);
		assertThat(output()).contains("line 7: Sent At 'someday'", "| 6 | 4 | 1 | 3 | 0 | 1 | 1 |",
				"refused, line 8 (Line\u0000Feed): 400 Invalid solicitation");
		assertThat(this.intake.received()).hasSize(3);
	}

	@Test
	void refusesAnOwnerWithoutProfile() throws Exception {
		int status = new ImportCommand(new PrintStream(this.output, true, StandardCharsets.UTF_8), false,
				HttpClient.newHttpClient(), this.pauses::add, Clock.systemUTC())
			.run(new String[] { file(EXPORT).toString(), "--owner", "bob", "--url", this.intake.url().toString() },
					Map.of("POLITELY_PROFILES_DIR", this.directory.resolve("profiles").toString()));

		assertThat(status).isEqualTo(ImportCommand.NOTHING_SENT);
		assertThat(output()).contains("bob.yml");
		assertThat(this.intake.received()).isEmpty();
	}

	@Test
	void refusesAnOwnerWhoseProfileDoesNotValidateNamingTheKey() throws Exception {
		Files.writeString(this.directory.resolve("profiles/alice.yml"),
				profile(SECRET).replace("timezone: Europe/Paris\n", ""));

		int status = run(file(EXPORT));

		assertThat(status).isEqualTo(ImportCommand.NOTHING_SENT);
		assertThat(output()).contains("alice.yml: timezone");
		assertThat(this.intake.received()).isEmpty();
	}

	/** A profile the services would accept: the import signs only for such an owner. */
	private static String profile(String secret) {
		return """
				owner: alice
				email: alice@example.com
				language: fr
				timezone: Europe/Paris
				webhookSecret: %s   # the webhook's secret
				purposes: [NETWORK]
				activity:
				  keywords: [recrutement]
				platforms:
				  professional: [linkedin]
				  private: [facebook]
				connections:
				  minMutualConnections: 3
				  maxUnknownPerMonth: 20
				recommendations:
				  minRelationship: COLLEAGUE
				  minKnownMonths: 12
				advice:
				  weeklyBudgetMinutes: 120
				  defaultMinutes: 30
				  questionMinutes: 10
				whenUnsure: REVIEW
				""".formatted(secret);
	}

	private static String decide(Solicitation solicitation) {
		if (solicitation.requester().name().startsWith("Review")) {
			return "\"status\":\"REVIEW\",\"outcome\":\"REVIEW\",\"rule\":null,\"reason\":null";
		}
		if (solicitation.message() != null && solicitation.message().contains("recrutement")) {
			return "\"status\":\"DECIDED\",\"outcome\":\"ACCEPT\",\"rule\":\"RULE_2\",\"reason\":\"COHERENT_NETWORK\","
					+ "\"offeredMinutes\":null,\"decidedAt\":\"2026-11-30T09:00:00Z\"";
		}
		return "\"status\":\"DECIDED\",\"outcome\":\"DECLINE\",\"rule\":\"RULE_3\",\"reason\":\"GHOST\","
				+ "\"offeredMinutes\":null,\"decidedAt\":\"2026-11-30T09:00:00Z\"";
	}

	private int run(Path file, String... options) throws InterruptedException {
		List<String> args = new ArrayList<>(List.of(file.toString(), "--owner", "alice", "--url",
				this.intake.url().toString(), "--report-dir", this.directory.toString()));
		args.addAll(List.of(options));
		return new ImportCommand(new PrintStream(this.output, true, StandardCharsets.UTF_8), false,
				HttpClient.newHttpClient(), this.pauses::add, Clock.systemUTC())
			.run(args.toArray(String[]::new),
					Map.of("POLITELY_PROFILES_DIR", this.directory.resolve("profiles").toString()));
	}

	private Path file(String csv) throws Exception {
		Path file = this.directory.resolve("Invitations.csv");
		Files.writeString(file, csv, StandardCharsets.UTF_8);
		return file;
	}

	private String output() {
		return this.output.toString(StandardCharsets.UTF_8);
	}

}
