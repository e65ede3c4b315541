package dev.politely.intake;

import org.springframework.test.context.TestPropertySource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import dev.politely.intake.HostileCorpus.Delivery;
import dev.politely.intake.Fixtures.Signed;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input at scale: a few thousand hostile deliveries over real HTTP, each answered
 * with the right 4xx problem detail, none written to Kafka, and the service still healthy
 * and still taking a good delivery afterwards.
 */
@TestPropertySource(
		properties = { "politely.readiness.consumer-groups=", "politely.intake.rate-limit.limit-for-period=1000000" })
@DirtiesContext
class HostileCorpusTest extends IntakeServiceTest {

	private static final Path PROFILES = Fixtures.profilesDirectory();

	private static final String TOPIC = "politely.solicitations";

	private static final long SEED = 20261125L;

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void profiles(DynamicPropertyRegistry registry) {
		registry.add("politely.profiles-dir", PROFILES::toString);
	}

	@Test
	void refusesEveryHostileDeliveryWithAProblemDetailWritesNothingAndStaysHealthy() throws Exception {
		List<Delivery> corpus = HostileCorpus.generate(SEED, Instant.now());
		assertThat(corpus).hasSizeGreaterThan(2_500);
		assertThat(corpus.stream().map(Delivery::category).distinct()).hasSizeGreaterThanOrEqualTo(12);
		long before = Topics.written(this.bootstrapServers, TOPIC);

		ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
		Map<Integer, Long> statuses = new TreeMap<>();
		ExecutorService senders = Executors.newFixedThreadPool(4);
		try {
			List<Future<Integer>> answers = corpus.stream().map((delivery) -> senders.submit(() -> {
				HttpResponse<String> response = post(delivery.at(Instant.now()));
				String problem = problemWith(delivery, response);
				if (problem != null) {
					wrong.add(problem);
				}
				return response.statusCode();
			})).toList();
			for (Future<Integer> answer : answers) {
				statuses.merge(answer.get(60, TimeUnit.SECONDS), 1L, Long::sum);
			}
		}
		finally {
			senders.shutdown();
		}

		System.out.printf("HostileCorpusTest: %d deliveries, answers %s, by category %s%n", corpus.size(), statuses,
				corpus.stream()
					.collect(Collectors.groupingBy(Delivery::category, TreeMap::new, Collectors.counting())));
		assertThat(wrong).as("deliveries answered otherwise than expected").isEmpty();
		assertThat(statuses.keySet()).containsExactly(400, 401, 413, 415);
		assertThat(Topics.written(this.bootstrapServers, TOPIC)).isEqualTo(before);

		HttpResponse<String> health = this.http.send(
				HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(JsonMapper.shared().readTree(health.body()).get("status").asString()).isEqualTo("UP");
		byte[] good = Fixtures.example("connection-coherent.json");
		Signed signed = Signed.now(Fixtures.ALICE_SECRET, "msg_after_the_corpus", good);
		assertThat(post(new Delivery("good", "alice", "application/json", signed.webhookId(), signed.timestamp(),
				signed.signature(), good, 202, null))
			.statusCode()).isEqualTo(202);
		assertThat(Topics.written(this.bootstrapServers, TOPIC)).isEqualTo(before + 1);
	}

	/** What is wrong with the answer to this delivery, or null. */
	private static String problemWith(Delivery delivery, HttpResponse<String> response) {
		String type = response.headers().firstValue("Content-Type").orElse("");
		String body = response.body();
		boolean ok = response.statusCode() == delivery.expected() && type.startsWith("application/problem+json")
				&& !body.contains("Exception") && !body.contains("\tat ") && !body.contains(".java");
		if (ok) {
			JsonNode problem = JsonMapper.shared().readTree(body);
			ok = problem.get("status").asInt() == delivery.expected()
					&& problem.get("type").asString().startsWith("https://politely.dev/problems/");
		}
		return ok ? null : delivery.category() + " " + delivery.webhookId() + ": expected " + delivery.expected()
				+ ", got " + response.statusCode() + " " + type + " " + body.substring(0, Math.min(300, body.length()));
	}

	private HttpResponse<String> post(Delivery delivery) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(
					URI.create("http://localhost:" + this.port + "/v1/owners/" + delivery.ownerId() + "/solicitations"))
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body()));
		header(request, "Content-Type", delivery.contentType());
		header(request, "webhook-id", delivery.webhookId());
		header(request, "webhook-timestamp", delivery.timestamp());
		header(request, "webhook-signature", delivery.signature());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	private static void header(HttpRequest.Builder request, String name, String value) {
		if (value != null) {
			request.header(name, value);
		}
	}

}
