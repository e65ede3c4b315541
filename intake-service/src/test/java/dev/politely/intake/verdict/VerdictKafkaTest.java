package dev.politely.intake.verdict;

import dev.politely.intake.IntakeServiceTest;
import org.springframework.test.context.TestPropertySource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.politely.intake.EventSchema;
import dev.politely.intake.Fixtures;
import dev.politely.intake.Topics;
import dev.politely.intake.DocumentedTokens;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.politely.intake.Fixtures.ALICE_SECRET;
import static dev.politely.intake.Fixtures.VERDICT_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The verdict links against a real (embedded, KRaft) broker, over real HTTP: GET shows,
 * only POST writes.
 */
@TestPropertySource(properties = "politely.readiness.consumer-groups=")
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class VerdictKafkaTest extends IntakeServiceTest {

	private static final String EVE_SECRET = "whsec_QUJDREVGR0hJSktMTU5PUFFSU1RVVldY";

	/**
	 * The listed key id with another key: what someone without the server key can make.
	 */
	private static final String FORGED_KEY = "test:WFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFhYWFg=";

	/** A key that is not (or no longer) listed in POLITELY_VERDICT_KEY. */
	private static final String REMOVED_KEY = "old:dGVzdC1vbmx5LXZlcmRpY3Qta2V5LTMyLWJ5dGVzLWxvbmc=";

	private static final Path PROFILES = withEve(Fixtures.profilesDirectory());

	private static final String TOPIC = "politely.verdicts";

	private static final String REVIEW = "0f1e2d3c-4b5a-3968-8776-655443322110";

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	RecordedObservations observations;

	@DynamicPropertySource
	static void profiles(DynamicPropertyRegistry registry) {
		registry.add("politely.profiles-dir", PROFILES::toString);
	}

	@Test
	void showsAConfirmationPageInTheOwnersLanguageAndWritesNothing() throws Exception {
		String token = aliceToken("ACCEPT", Instant.now().plusSeconds(3600));
		long before = written();

		HttpResponse<String> page = get(token);
		get(token);
		send(HttpRequest.newBuilder(uri(token)).method("HEAD", HttpRequest.BodyPublishers.noBody()));

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		assertThat(page.body()).contains("<html lang=\"fr\"", "Accepter cette demande ?", "Bonjour Alice Martin,")
			.contains("<form method=\"post\" action=\"/v1/verdicts/" + token + "\">");
		assertThat(page.body().split("<button", -1)).hasSize(2);
		assertThat(page.body().split("<form", -1)).hasSize(2);
		assertThat(written()).isEqualTo(before);
	}

	@Test
	void recordsTheVerdictOnPostThenSaysSoInTheOwnersLanguage() throws Exception {
		UUID solicitationId = UUID.randomUUID();
		String token = DocumentedTokens.token(VERDICT_KEY, "alice", solicitationId.toString(), REVIEW, "DECLINE",
				Instant.now().plusSeconds(3600));
		long before = written();

		HttpResponse<String> posted = post(token, HttpRequest.BodyPublishers.noBody(), null);

		assertThat(written()).isEqualTo(before + 1);
		assertThat(posted.statusCode()).isEqualTo(303);
		assertThat(posted.headers().firstValue("Location")).hasValue("/v1/verdicts/" + token + "?recorded");
		ConsumerRecord<String, byte[]> record = recordsOf(token).get(0);
		assertThat(record.key()).isEqualTo("alice");
		assertThat(EventSchema.verdictRecordedViolations(record.value())).isEmpty();
		JsonNode value = JsonMapper.shared().readTree(record.value());
		assertThat(value.get("solicitationId").asString()).isEqualTo(solicitationId.toString());
		assertThat(value.get("ownerId").asString()).isEqualTo("alice");
		assertThat(value.get("reviewDecisionId").asString()).isEqualTo(REVIEW);
		assertThat(value.get("verdict").asString()).isEqualTo("DECLINE");
		try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
			CloudEvent event = deserializer.deserialize(TOPIC, record.headers(), record.value());
			assertThat(event.getId())
				.isEqualTo(UUID.nameUUIDFromBytes(("verdict:" + token).getBytes(StandardCharsets.UTF_8)).toString());
			assertThat(event.getSource()).isEqualTo(URI.create("/politely/intake/verdicts"));
			assertThat(event.getType()).isEqualTo("dev.politely.verdict.recorded.v1");
			assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
			assertThat(event.getTime().toInstant()).isEqualTo(Instant.parse(value.get("recordedAt").asString()));
		}

		HttpResponse<String> thanks = send(HttpRequest.newBuilder(
				URI.create("http://localhost:" + this.port + posted.headers().firstValue("Location").orElseThrow())));
		assertThat(thanks.statusCode()).isEqualTo(200);
		assertThat(thanks.body()).contains("Réponse enregistrée", "votre réponse, refuser, est enregistrée",
				"Si vous aviez déjà répondu, c’est votre première réponse qui compte.");
		assertThat(written()).isEqualTo(before + 1);
	}

	@Test
	void writesTheSameEventAgainOnASecondPostWhateverTheContentType() throws Exception {
		String token = aliceToken("ACCEPT", Instant.now().plusSeconds(3600));
		long before = written();

		HttpResponse<String> form = post(token, HttpRequest.BodyPublishers.ofString("submit="),
				"application/x-www-form-urlencoded");
		HttpResponse<String> again = post(token, HttpRequest.BodyPublishers.ofString("whatever"), "text/plain");

		assertThat(form.statusCode()).isEqualTo(303);
		assertThat(again.statusCode()).isEqualTo(303);
		assertThat(written()).isEqualTo(before + 2);
		List<ConsumerRecord<String, byte[]>> records = recordsOf(token);
		assertThat(records).hasSize(2);
		// the same event: the policy service decides on the first and ignores the second
		assertThat(JsonMapper.shared().readTree(records.get(1).value()).get("solicitationId"))
			.isEqualTo(JsonMapper.shared().readTree(records.get(0).value()).get("solicitationId"));
	}

	@Test
	void speaksEnglishToAnEnglishOwnerAndEscapesTheirName() throws Exception {
		String token = DocumentedTokens.token(VERDICT_KEY, "eve", UUID.randomUUID().toString(), REVIEW, "DECLINE",
				Instant.now().plusSeconds(3600));

		HttpResponse<String> page = get(token);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("<html lang=\"en\"", "Decline this request?", ">Decline</button>")
			.contains("Hello &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co,")
			.doesNotContain("<script>");
	}

	@Test
	void refusesAlteredForgedMalformedAndUnknownOwnerLinksWith404AndWritesNothing() throws Exception {
		String token = aliceToken("ACCEPT", Instant.now().plusSeconds(3600));
		char first = token.charAt(0);
		String altered = ((first == 'Y') ? 'Z' : 'Y') + token.substring(1);
		String forged = DocumentedTokens.token(FORGED_KEY, "alice", UUID.randomUUID().toString(), REVIEW, "ACCEPT",
				Instant.now().plusSeconds(3600));
		String unknownOwner = DocumentedTokens.token(VERDICT_KEY, "mallory", UUID.randomUUID().toString(), REVIEW,
				"ACCEPT", Instant.now().plusSeconds(3600));
		String removedKey = DocumentedTokens.token(REMOVED_KEY, "alice", UUID.randomUUID().toString(), REVIEW, "ACCEPT",
				Instant.now().plusSeconds(3600));
		// the format before the server key, keyed with alice's (published) webhook secret
		String former = DocumentedTokens.formerToken(ALICE_SECRET, String.join("|", "alice",
				UUID.randomUUID().toString(), REVIEW, "ACCEPT", Long.toString(Instant.now().getEpochSecond() + 3600)));
		long before = written();

		for (String refused : List.of(altered, forged, removedKey, former, unknownOwner, "not-a-token", token + "A",
				token + ".x")) {
			for (HttpResponse<String> response : List.of(get(refused),
					post(refused, HttpRequest.BodyPublishers.noBody(), null))) {
				assertThat(response.statusCode()).as(refused).isEqualTo(404);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
				assertThat(response.body()).contains("Lien invalide", "Invalid link", "Rien n’a été enregistré",
						"Nothing was recorded");
				assertNoStackTrace(response);
			}
		}
		assertThat(written()).isEqualTo(before);
	}

	@Test
	void refusesAnExpiredLinkWith410InTheOwnersLanguageAndWritesNothing() throws Exception {
		String token = aliceToken("ACCEPT", Instant.now().minusSeconds(1));
		long before = written();

		for (HttpResponse<String> response : List.of(get(token),
				post(token, HttpRequest.BodyPublishers.noBody(), null))) {
			assertThat(response.statusCode()).isEqualTo(410);
			assertThat(response.body()).contains("<html lang=\"fr\"", "Lien expiré", "rien n’a été enregistré")
				.doesNotContain("Link expired");
			assertNoStackTrace(response);
		}
		assertThat(written()).isEqualTo(before);
	}

	@Test
	void countsRecordedVerdictsAndKeepsTokensOutOfTheMetrics() throws Exception {
		String token = aliceToken("ACCEPT", Instant.now().plusSeconds(3600));
		double before = verdictsRecorded("ACCEPT");

		post(token, HttpRequest.BodyPublishers.noBody(), null);

		assertThat(verdictsRecorded("ACCEPT")).isEqualTo(before + 1);
		String scrape = get("/actuator/prometheus", true).body();
		assertThat(scrape).contains("http_server_requests_seconds_bucket{application=\"intake-service\"")
			.contains("uri=\"/v1/verdicts/{token}\"")
			.doesNotContain(token.substring(0, 20));
	}

	@Test
	void keepsTokensOutOfTheTracesAndLogs(CapturedOutput output) throws Exception {
		String valid = aliceToken("DECLINE", Instant.now().plusSeconds(3600));
		String altered = valid.substring(0, valid.length() - 4) + "AAAA";

		get(valid);
		post(valid, HttpRequest.BodyPublishers.noBody(), null);
		get(altered);

		await().untilAsserted(() -> assertThat(this.observations.requests())
			.filteredOn((seen) -> seen.contains("http.url=/v1/verdicts/{token};"))
			.hasSizeGreaterThanOrEqualTo(3));
		for (String token : List.of(valid, altered)) {
			String secretPart = token.substring(token.length() - 20);
			assertThat(this.observations.requests()).noneMatch((seen) -> seen.contains(secretPart));
			assertThat(output.getAll()).doesNotContain(secretPart);
		}
	}

	private double verdictsRecorded(String verdict) throws Exception {
		String prefix = "politely_verdicts_recorded_total{application=\"intake-service\",verdict=\"" + verdict + "\"} ";
		return get("/actuator/prometheus", true).body()
			.lines()
			.filter((line) -> line.startsWith(prefix))
			.mapToDouble((line) -> Double.parseDouble(line.substring(prefix.length())))
			.findFirst()
			.orElse(0);
	}

	private static String aliceToken(String verdict, Instant expiresAt) {
		return DocumentedTokens.token(VERDICT_KEY, "alice", UUID.randomUUID().toString(), REVIEW, verdict, expiresAt);
	}

	private long written() {
		return Topics.written(this.bootstrapServers, TOPIC);
	}

	private List<ConsumerRecord<String, byte[]>> recordsOf(String token) {
		String eventId = UUID.nameUUIDFromBytes(("verdict:" + token).getBytes(StandardCharsets.UTF_8)).toString();
		return Topics.read(this.bootstrapServers, TOPIC)
			.stream()
			.filter((record) -> eventId
				.equals(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)))
			.toList();
	}

	private static void assertNoStackTrace(HttpResponse<String> response) {
		assertThat(response.body()).doesNotContain("Exception", "\tat ", ".java", "Tomcat");
	}

	private URI uri(String token) {
		return URI.create("http://localhost:" + this.port + "/v1/verdicts/" + token);
	}

	private HttpResponse<String> get(String token) throws Exception {
		return send(HttpRequest.newBuilder(uri(token)));
	}

	/** From the management port: metrics are served there only. */
	private HttpResponse<String> get(String path, boolean raw) throws Exception {
		return send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + path)));
	}

	private HttpResponse<String> post(String token, HttpRequest.BodyPublisher body, String contentType)
			throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(token)).POST(body);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return send(request);
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static Path withEve(Path profiles) {
		try {
			Files.writeString(profiles.resolve("eve.yml"), Fixtures.profile("eve", EVE_SECRET)
					+ "language: en\ndisplayName: '<script>alert(\"x\")</script> & Co'\n");
			return profiles;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Every observation the service completes, as its name and key values: what a trace
	 * exporter or a meter would see of it.
	 */
	static final class RecordedObservations implements ObservationHandler<Observation.Context> {

		private final List<String> seen = new CopyOnWriteArrayList<>();

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

		@Override
		public void onStop(Observation.Context context) {
			StringBuilder recorded = new StringBuilder(context.getName()).append(' ')
				.append(context.getContextualName())
				.append(' ');
			context.getAllKeyValues()
				.forEach((kv) -> recorded.append(kv.getKey()).append('=').append(kv.getValue()).append(';'));
			this.seen.add(recorded.toString());
		}

		List<String> requests() {
			return this.seen.stream().filter((seen) -> seen.startsWith("http.server.requests")).toList();
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Observations {

		@Bean
		RecordedObservations recordedObservations() {
			return new RecordedObservations();
		}

	}

}
