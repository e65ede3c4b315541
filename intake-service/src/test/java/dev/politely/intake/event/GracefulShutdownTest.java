package dev.politely.intake.event;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.politely.intake.Fixtures;
import dev.politely.intake.Fixtures.Signed;
import dev.politely.intake.IntakeApplication;
import dev.politely.intake.Topics;
import org.apache.kafka.clients.producer.ProducerInterceptor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import static dev.politely.intake.Fixtures.ALICE_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On shutdown the web server stops taking requests, lets the one in flight finish (its
 * Kafka write included), and only then is the Kafka producer closed. The request is held
 * inside the producer's {@code send} by an interceptor.
 */
class GracefulShutdownTest {

	private static final String TOPIC = "politely.solicitations";

	private static EmbeddedKafkaKraftBroker broker;

	@BeforeAll
	static void startBroker() {
		broker = new EmbeddedKafkaKraftBroker(1, 6, TOPIC, "politely.verdicts");
		broker.afterPropertiesSet();
	}

	@AfterAll
	static void stopBroker() {
		broker.destroy();
	}

	@Test
	void finishesTheRequestInFlightAndItsWriteBeforeClosingTheProducer() throws Exception {
		ConfigurableApplicationContext intake = new SpringApplicationBuilder(IntakeApplication.class).run(
				"--server.port=0", "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
				"--politely.profiles-dir=" + Fixtures.profilesDirectory(), "--politely.readiness.consumer-groups=",
				"--politely.readiness.policy-url=",
				"--spring.kafka.producer.properties[interceptor.classes]=" + HoldingInterceptor.class.getName());
		String url = "http://localhost:" + intake.getEnvironment().getProperty("local.server.port");
		HttpClient http = HttpClient.newHttpClient();
		byte[] body = Fixtures.example("connection-coherent.json");
		Signed signed = Signed.now(ALICE_SECRET, "msg_in_flight", body);
		HoldingInterceptor.hold();

		CompletableFuture<HttpResponse<String>> inFlight = http
			.sendAsync(signed.on(HttpRequest.newBuilder(URI.create(url + "/v1/owners/alice/solicitations")))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofByteArray(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(HoldingInterceptor.entered.await(30, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Void> closing = CompletableFuture.runAsync(intake::close);

		// the server no longer answers new requests, while the one in flight is still
		// held
		await().atMost(Duration.ofSeconds(20)).until(() -> !answers(url + "/actuator/health"));
		assertThat(inFlight).isNotDone();
		assertThat(closing).isNotDone();
		HoldingInterceptor.release.countDown();

		HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(202);
		closing.get(30, TimeUnit.SECONDS);
		assertThat(intake.isActive()).isFalse();
		assertThat(Topics.written(broker.getBrokersAsString(), TOPIC)).isEqualTo(1);
	}

	private static boolean answers(String url) {
		// a new client each time, so a new connection: the question is whether the server
		// still takes them
		HttpClient fresh = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
		try {
			fresh.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMillis(1000)).build(),
					HttpResponse.BodyHandlers.discarding());
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	/**
	 * Holds the first write to the solicitations topic in {@code send} until released.
	 */
	public static class HoldingInterceptor implements ProducerInterceptor<Object, Object> {

		static final CountDownLatch entered = new CountDownLatch(1);

		static final CountDownLatch release = new CountDownLatch(1);

		private static volatile boolean holding;

		static void hold() {
			holding = true;
		}

		@Override
		public ProducerRecord<Object, Object> onSend(ProducerRecord<Object, Object> record) {
			if (holding && TOPIC.equals(record.topic())) {
				holding = false;
				entered.countDown();
				try {
					release.await(60, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return record;
		}

		@Override
		public void onAcknowledgement(RecordMetadata metadata, Exception exception) {
		}

		@Override
		public void close() {
		}

		@Override
		public void configure(Map<String, ?> configs) {
		}

	}

}
