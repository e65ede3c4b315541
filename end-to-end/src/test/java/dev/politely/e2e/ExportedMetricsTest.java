package dev.politely.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.politely.e2e.Observability.Query;
import jakarta.mail.internet.MimeMessage;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every metric a dashboard panel or an alert rule reads is one the services export: a
 * renamed meter otherwise leaves an empty panel, or an alert that can never fire, and
 * nobody notices. Runs solicitations of several kinds through the three services (one of
 * them invalid), then reads what their {@code /actuator/prometheus} endpoints say.
 */
@EmbeddedKafka(partitions = 2,
		brokerProperties = { "transaction.state.log.replication.factor=1", "transaction.state.log.min.isr=1" })
class ExportedMetricsTest {

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	/**
	 * Written by Prometheus itself for every target it scrapes, not by a service: 0 when
	 * the scrape failed.
	 */
	static final Set<String> MADE_BY_PROMETHEUS = Set.of("up");

	static RunningPipeline pipeline;
	static Set<String> exported = Set.of();

	@BeforeAll
	static void runSolicitationsOfSeveralKindsThrough(EmbeddedKafkaBroker broker, @TempDir Path profiles)
			throws Exception {
		// a reply callback nobody answers, on an origin alice lists, so that the callback
		// retries are counted
		String unanswered = "http://127.0.0.1:" + closedPort();
		String alice = RunningPipeline.demoProfile()
			.replace("callbackOrigins: [http://localhost:9999]", "callbackOrigins: [" + unanswered + "]");
		pipeline = RunningPipeline.start(broker.getBrokersAsString(), mail.getSmtp().getPort(), profiles, alice);
		WebhookSender webhook = new WebhookSender(pipeline.intakeUrl(), RunningPipeline.SECRET);

		List<String> solicitations = new ArrayList<>();
		for (String example : List.of("connection-coherent.json", "connection-ghost.json", "advice-within-budget.json",
				"recommendation-barely-known.json", "private-platform.json")) {
			String body;
			try (InputStream in = ExportedMetricsTest.class.getResourceAsStream("/contracts/examples/" + example)) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("http://localhost:9999/replies",
						unanswered + "/replies");
			}
			HttpResponse<String> response = webhook.post("alice", "msg_" + UUID.randomUUID(),
					body.getBytes(StandardCharsets.UTF_8));
			assertThat(response.statusCode()).as(example).isEqualTo(202);
			solicitations.add(PipelineScenario.solicitationIdOf(response));
		}
		byte[] invalid = "{\"kind\": \"CONNECTION_REQUEST\"}".getBytes(StandardCharsets.UTF_8);
		assertThat(webhook.post("alice", "msg_" + UUID.randomUUID(), invalid).statusCode()).isEqualTo(400);

		await().atMost(Duration.ofSeconds(60))
			.until(() -> solicitations.stream()
				.allMatch(id -> Arrays.stream(mail.getReceivedMessages()).anyMatch(m -> isAbout(m, id))));

		// some meters only exist once what they count happened (a callback retried a
		// moment after its decision):
		// scrape until every name read is there, or for a while; the tests then say which
		// are missing
		List<Query> all = new ArrayList<>(Observability.dashboardQueries());
		all.addAll(Observability.alertQueries());
		try {
			await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofSeconds(1)).until(() -> {
				scrapeAll();
				return unexported(all).isEmpty();
			});
		}
		catch (ConditionTimeoutException stillMissing) {
			// reported, name by name, by the tests below
		}
	}

	private static void scrapeAll() throws Exception {
		Set<String> names = new TreeSet<>();
		StringBuilder scrapes = new StringBuilder();
		for (String service : pipeline.managementUrls()) {
			String scrape = scrape(service);
			scrapes.append("# ").append(service).append('\n').append(scrape);
			names.addAll(sampleNames(scrape));
		}
		exported = names;
		// for whoever writes the next panel: what the services export, as Prometheus
		// reads it
		Files.writeString(Path.of("target", "exported-metrics.txt"), scrapes);
	}

	@AfterAll
	static void stopTheServices() {
		if (pipeline != null) {
			pipeline.close();
		}
	}

	@Test
	void noServiceServesMetricsOrHealthDetailsOnItsPublicPort() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		for (String service : pipeline.serviceUrls()) {
			for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator")) {
				assertThat(http
					.send(HttpRequest.newBuilder(URI.create(service + path)).build(),
							HttpResponse.BodyHandlers.ofString())
					.statusCode()).as("GET %s%s", service, path).isEqualTo(404);
			}
			HttpResponse<String> health = http.send(
					HttpRequest.newBuilder(URI.create(service + "/actuator/health")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(health.body()).as("GET %s/actuator/health", service).isEqualTo("{\"status\":\"UP\"}");
		}
	}

	@Test
	void everyMetricADashboardReadsIsExported() {
		List<Query> queries = Observability.dashboardQueries();
		assertThat(queries).isNotEmpty();
		assertThat(unexported(queries)).as("metrics read by a dashboard that no service exports").isEmpty();
	}

	@Test
	void everyMetricAnAlertRuleReadsIsExported() {
		List<Query> queries = Observability.alertQueries();
		assertThat(queries).isNotEmpty();
		assertThat(unexported(queries)).as("metrics read by an alert rule that no service exports").isEmpty();
	}

	@Test
	void reportsAMetricThatNoServiceExports() {
		Query madeUp = new Query("a panel", "sum by (owner) (rate(politely_made_up_total{owner=~\"$owner\"}[5m]))");
		assertThat(unexported(List.of(madeUp))).containsExactly("a panel: politely_made_up_total");
		assertThat(unexported(List.of(new Query("a panel", "up == 0")))).isEmpty();
		assertThat(exported).contains("politely_solicitations_received_total", "jvm_memory_used_bytes");
	}

	private static List<String> unexported(List<Query> queries) {
		List<String> missing = new ArrayList<>();
		for (Query query : queries) {
			Set<String> names = PromQl.metricNames(query.expression());
			assertThat(names).as("metric names in %s: %s", query.where(), query.expression()).isNotEmpty();
			names.stream()
				.filter(name -> !exported.contains(name) && !MADE_BY_PROMETHEUS.contains(name))
				.forEach(name -> missing.add(query.where() + ": " + name));
		}
		return missing;
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String scrape(String serviceUrl) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(serviceUrl + "/actuator/prometheus"))
				.header("Accept", "text/plain;version=0.0.4")
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as("GET %s/actuator/prometheus", serviceUrl).isEqualTo(200);
		return response.body();
	}

	/**
	 * The names of the samples of a scrape: a counter's {@code _total}, a timer's
	 * {@code _bucket}, and so on.
	 */
	static Set<String> sampleNames(String scrape) {
		Set<String> names = new TreeSet<>();
		for (String line : scrape.split("\n")) {
			if (!line.isBlank() && !line.startsWith("#")) {
				names.add(line.split("[{ ]", 2)[0]);
			}
		}
		return names;
	}

	private static boolean isAbout(MimeMessage message, String solicitationId) {
		try {
			String[] values = message.getHeader("X-Politely-Solicitation");
			return values != null && solicitationId.equals(values[0]);
		}
		catch (Exception e) {
			return false;
		}
	}

}
