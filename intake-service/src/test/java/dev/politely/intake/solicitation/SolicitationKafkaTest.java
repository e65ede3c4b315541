package dev.politely.intake.solicitation;

import dev.politely.intake.IntakeServiceTest;
import org.springframework.test.context.TestPropertySource;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CompletableFuture;
import java.net.Socket;
import java.io.UncheckedIOException;
import java.io.OutputStream;
import java.io.InputStreamReader;
import java.io.IOException;
import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.StreamSupport;

import dev.politely.intake.EventSchema;
import dev.politely.intake.Fixtures;
import dev.politely.intake.Fixtures.Signed;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static dev.politely.intake.Fixtures.ALICE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole service against a real (embedded, KRaft) broker, over real HTTP.
 */
@TestPropertySource(properties = { "politely.profiles-rescan-interval=100ms",
		"politely.readiness.consumer-groups=" + SolicitationKafkaTest.READER_GROUP,
		"politely.readiness.cache-for=50ms" })
class SolicitationKafkaTest extends IntakeServiceTest {

	static final String READER_GROUP = "intake-test-downstream";

	private static final Path PROFILES = Fixtures.profilesDirectory();

	private static final String TOPIC = "politely.solicitations";

	private final HttpClient http = HttpClient.newHttpClient();

	private Consumer<String, byte[]> consumer;

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@DynamicPropertySource
	static void profiles(DynamicPropertyRegistry registry) {
		registry.add("politely.profiles-dir", PROFILES::toString);
	}

	@AfterEach
	void closeConsumer() {
		if (this.consumer != null) {
			this.consumer.close();
		}
	}

	@Test
	void writesTheSolicitationBeforeAnswering202() throws Exception {
		byte[] body = Fixtures.example("connection-coherent.json");
		String webhookId = "msg_" + UUID.randomUUID();
		UUID solicitationId = SolicitationIntake.solicitationId("alice", webhookId);
		this.consumer = assignedConsumer();
		long before = endOffsetsSum();

		HttpResponse<String> response = post("alice", body, Signed.now(ALICE_SECRET, webhookId, body));

		// the write was acknowledged before the answer: the end offsets moved before we
		// even look
		assertThat(endOffsetsSum()).isEqualTo(before + 1);
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(response.headers().firstValue("Location"))
			.hasValue("/v1/owners/alice/solicitations/" + solicitationId);
		assertThat(JsonMapper.shared().readTree(response.body()).get("solicitationId").asString())
			.isEqualTo(solicitationId.toString());

		ConsumerRecord<String, byte[]> record = readRecordWithId(solicitationId);
		assertThat(record.key()).isEqualTo("alice");
		assertThat(EventSchema.solicitationReceivedViolations(record.value())).isEmpty();
		JsonNode value = JsonMapper.shared().readTree(record.value());
		assertThat(value.get("ownerId").asString()).isEqualTo("alice");
		assertThat(value.get("webhookId").asString()).isEqualTo(webhookId);
		assertThat(value.get("receivedAt").asString()).isEqualTo("2026-11-23T09:12:00Z");
		assertThat(value.at("/requester/email").asString()).isEqualTo("julien.moreau@example.org");
		assertThat(record.headers().lastHeader("__TypeId__")).isNull();

		try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
			CloudEvent event = deserializer.deserialize(TOPIC, record.headers(), record.value());
			assertThat(event.getId()).isEqualTo(solicitationId.toString());
			assertThat(event.getSource()).isEqualTo(URI.create("/politely/intake/owners/alice"));
			assertThat(event.getType()).isEqualTo("dev.politely.solicitation.received.v1");
			assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
			assertThat(event.getDataContentType()).isEqualTo("application/json");
			assertThat(event.getTime().toInstant()).isEqualTo(Instant.parse(value.get("acceptedAt").asString()));
			assertThat(event.getData().toBytes()).isEqualTo(record.value());
		}
	}

	@Test
	void answersARedeliveryWithTheSameIdAndNoSecondRecord() throws Exception {
		byte[] body = Fixtures.example("advice-within-budget.json");
		String webhookId = "msg_" + UUID.randomUUID();
		this.consumer = assignedConsumer();

		HttpResponse<String> first = post("alice", body, Signed.now(ALICE_SECRET, webhookId, body));
		long afterFirst = endOffsetsSum();
		HttpResponse<String> second = post("alice", body, Signed.now(ALICE_SECRET, webhookId, body));

		assertThat(first.statusCode()).isEqualTo(202);
		assertThat(second.statusCode()).isEqualTo(200);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(endOffsetsSum()).isEqualTo(afterFirst);
	}

	@Test
	void takesANewOwnerWithoutARestart() throws Exception {
		String secret = "whsec_QUJDREVGR0hJSktMTU5PUFFSU1RVVldY";
		byte[] body = Fixtures.example("connection-ghost.json");
		String owner = "owner-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(post(owner, body, Signed.now(secret, "msg_before", body)).statusCode()).isEqualTo(401);

		Files.writeString(PROFILES.resolve(owner + ".yml"), Fixtures.profile(owner, secret));

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(post(owner, body, Signed.now(secret, "msg_after", body)).statusCode())
				.isEqualTo(202));
	}

	@Test
	void refusesOversizedBodiesOverRealHttpWithoutAStackTrace() throws Exception {
		byte[] body = new byte[200_000];
		java.util.Arrays.fill(body, (byte) ' ');
		HttpResponse<String> response = post("alice", body, Signed.now(ALICE_SECRET, "msg_big", body));

		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).doesNotContain("Exception", "\tat ");
	}

	@Test
	void neverLeaksInternalsEvenForErrorsOutsideTheController() throws Exception {
		HttpResponse<String> encodedSlash = get("/v1/owners/..%2F..%2Fetc/solicitations");
		HttpResponse<String> unknownPath = get("/v1/../../etc/passwd");

		assertThat(encodedSlash.statusCode()).isEqualTo(400);
		assertThat(unknownPath.statusCode()).isBetween(400, 404);
		for (HttpResponse<String> response : List.of(encodedSlash, unknownPath)) {
			assertThat(response.body()).doesNotContain("Exception", "\tat ", ".java", "Tomcat");
		}
	}

	@Test
	void exposesPrometheusMetricsOnTheManagementPortOnly() throws Exception {
		HttpResponse<String> response = management("/actuator/prometheus");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("jvm_memory_used_bytes");
		for (String path : List.of("/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator",
				"/actuator/health/pipeline")) {
			assertThat(get(path).statusCode()).as("public GET %s", path).isEqualTo(404);
		}
	}

	@Test
	void answersThePublicHealthWithItsStatusAlone() throws Exception {
		HttpResponse<String> details = health();
		HttpResponse<String> status = get("/actuator/health");

		assertThat(details.body()).contains("components");
		assertThat(status.statusCode()).isEqualTo(details.statusCode());
		assertThat(JsonMapper.shared().readTree(status.body()).properties()).singleElement()
			.satisfies((field) -> assertThat(field.getKey()).isEqualTo("status"));
	}

	@Test
	void answersABadSignatureOnAKnownOwnerLikeAnUnknownOwner() throws Exception {
		String refused = "politely_solicitations_received_total{application=\"intake-service\",kind=\"invalid\","
				+ "owner=\"%s\",platform=\"unknown\",status=\"4xx\",status_code=\"401\"}";
		double unknownBefore = scraped(refused.formatted("unknown"));
		byte[] body = Fixtures.example("advice-within-budget.json");
		String otherSecret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

		HttpResponse<String> knownOwner = post("alice", body, Signed.now(otherSecret, "msg_probe", body));
		HttpResponse<String> unknownOwner = post("mallory", body, Signed.now(otherSecret, "msg_probe", body));

		assertThat(knownOwner.statusCode()).isEqualTo(401);
		assertThat(unknownOwner.statusCode()).isEqualTo(knownOwner.statusCode());
		// the problem's instance is the path the caller sent, owner id included: nothing
		// else may differ
		assertThat(unknownOwner.body().replace("/owners/mallory/", "/owners/alice/")).isEqualTo(knownOwner.body());
		assertThat(withoutDate(unknownOwner.headers().map())).isEqualTo(withoutDate(knownOwner.headers().map()));
		assertThat(scraped(refused.formatted("unknown"))).isEqualTo(unknownBefore + 2);
		assertThat(scraped(refused.formatted("alice"))).isZero();
		assertThat(management("/actuator/prometheus").body()).doesNotContain("owner=\"alice\",platform=\"unknown\"");
	}

	@Test
	void givesUpABodyThatTricklesInWith408() throws Exception {
		ScheduledExecutorService trickle = Executors.newSingleThreadScheduledExecutor();
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /v1/owners/alice/solicitations HTTP/1.1\r\nHost: localhost\r\n"
					+ "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			// one byte every 200 ms: each read is quick, the whole body would take 200 s
			trickle.scheduleWithFixedDelay(() -> {
				try {
					out.write(' ');
					out.flush();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}, 200, 200, TimeUnit.MILLISECONDS);
			CompletableFuture<String> statusLine = CompletableFuture.supplyAsync(() -> {
				try {
					return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
						.readLine();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});

			await().atMost(Duration.ofSeconds(40)).until(statusLine::isDone);
			assertThat(statusLine.get()).startsWith("HTTP/1.1 408");
		}
		finally {
			trickle.shutdownNow();
		}
	}

	private static Map<String, List<String>> withoutDate(Map<String, List<String>> headers) {
		Map<String, List<String>> kept = new TreeMap<>(headers);
		kept.remove("date");
		return kept;
	}

	@Test
	void countsDeliveriesInPrometheusWithBoundedTags() throws Exception {
		String accepted = "politely_solicitations_received_total{application=\"intake-service\",kind=\"ADVICE_REQUEST\","
				+ "owner=\"alice\",platform=\"linkedin\",status=\"2xx\",status_code=\"202\"}";
		String unknown = "politely_solicitations_received_total{application=\"intake-service\",kind=\"invalid\","
				+ "owner=\"unknown\",platform=\"unknown\",status=\"4xx\",status_code=\"401\"}";
		double acceptedBefore = scraped(accepted);
		double unknownBefore = scraped(unknown);
		byte[] body = Fixtures.example("advice-within-budget.json");

		for (int i = 0; i < 3; i++) {
			assertThat(post("alice", body, Signed.now(ALICE_SECRET, "msg_" + UUID.randomUUID(), body)).statusCode())
				.isEqualTo(202);
		}
		assertThat(post("nobody", body, Signed.now(ALICE_SECRET, "msg_nobody", body)).statusCode()).isEqualTo(401);

		assertThat(scraped(accepted)).isEqualTo(acceptedBefore + 3);
		assertThat(scraped(unknown)).isEqualTo(unknownBefore + 1);
		String scrape = management("/actuator/prometheus").body();
		assertThat(scrape).contains("http_server_requests_seconds_bucket{application=\"intake-service\"")
			.doesNotContain("Karim", "karim.haddad", "nobody");
	}

	private double scraped(String series) throws Exception {
		return management("/actuator/prometheus").body()
			.lines()
			.filter((line) -> line.startsWith(series + " "))
			.mapToDouble((line) -> Double.parseDouble(line.substring(series.length() + 1)))
			.findFirst()
			.orElse(0);
	}

	@Test
	void isReadyOnlyOnceTheDownstreamConsumersListen() throws Exception {
		HttpResponse<String> before = health();
		assertThat(before.statusCode()).isEqualTo(503);
		assertThat(JsonMapper.shared().readTree(before.body()).at("/components/pipeline/status").asString())
			.isEqualTo("DOWN");

		this.consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, READER_GROUP), new StringDeserializer(), new ByteArrayDeserializer());
		this.consumer.subscribe(List.of(TOPIC));

		await().atMost(Duration.ofSeconds(30)).pollInSameThread().untilAsserted(() -> {
			this.consumer.poll(Duration.ofMillis(100));
			HttpResponse<String> after = health();
			JsonNode pipeline = JsonMapper.shared().readTree(after.body()).at("/components/pipeline");
			assertThat(pipeline.get("status").asString()).as(after.body()).isEqualTo("UP");
			assertThat(after.statusCode()).isEqualTo(200);
			assertThat(pipeline.at("/details/consumerGroups/" + READER_GROUP).asString()).startsWith("STABLE");
		});
	}

	private HttpResponse<String> post(String owner, byte[] body, Signed signed) throws Exception {
		HttpRequest request = signed
			.on(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/v1/owners/" + owner + "/solicitations")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> health() throws Exception {
		return management("/actuator/health");
	}

	private HttpResponse<String> management(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + path))
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private HttpResponse<String> get(String path) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path)).build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private Consumer<String, byte[]> assignedConsumer() {
		// assigned, not subscribed: no consumer group, so the readiness check is not
		// disturbed
		Consumer<String, byte[]> assigned = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, this.bootstrapServers,
						ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
				new StringDeserializer(), new ByteArrayDeserializer());
		List<TopicPartition> partitions = assigned.partitionsFor(TOPIC)
			.stream()
			.map((partition) -> new TopicPartition(TOPIC, partition.partition()))
			.toList();
		assigned.assign(partitions);
		assigned.seekToBeginning(partitions);
		return assigned;
	}

	private long endOffsetsSum() {
		return this.consumer.endOffsets(this.consumer.assignment()).values().stream().mapToLong(Long::longValue).sum();
	}

	private ConsumerRecord<String, byte[]> readRecordWithId(UUID solicitationId) {
		return await().atMost(Duration.ofSeconds(10))
			.pollInSameThread()
			.until(() -> StreamSupport.stream(this.consumer.poll(Duration.ofMillis(200)).spliterator(), false)
				.filter((record) -> solicitationId.toString()
					.equals(new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8)))
				.findFirst()
				.orElse(null), java.util.Objects::nonNull);
	}

}
