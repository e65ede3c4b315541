package dev.politely.notification;

import static dev.politely.notification.Decisions.fresh;
import static dev.politely.notification.Decisions.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.politely.notification.CallbackReceiver.Answer;
import dev.politely.webhook.signature.WebhookSecret;
import dev.politely.webhook.signature.WebhookSignatureVerifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The callback channel against a real receiver (the JDK's HTTP server): signed, retried
 * on 5xx, 429 and timeouts, given up on a 400, and never in the way of the emails.
 */
@EmbeddedBroker(partitions = 1)
class CallbackDeliveryTest {

	private static final String ALICE_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private static final String BOB_SECRET = "whsec_QmFzZTY0IG9mIHR3ZW50eS1mb3VyIGJ5dGVzISE=";

	private static final String MALLORY_SECRET = "whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY";

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	private static final GreenMail greenMail = new GreenMail(
			new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static final CountDownLatch release = new CountDownLatch(1);

	private static EmbeddedKafkaBroker broker;

	private static CallbackReceiver receiver;

	/** A receiver on an origin no profile lists. */
	private static CallbackReceiver outsider;

	/** Sends its headers, then its body one byte at a time, forever; bob lists it. */
	private static TricklingServer trickling;

	private static ConfigurableApplicationContext service;

	private static MeterRegistry meters;

	@BeforeAll
	static void start(EmbeddedKafkaBroker embedded, @TempDir Path profiles) throws IOException {
		broker = embedded;
		greenMail.start();
		receiver = new CallbackReceiver();
		outsider = new CallbackReceiver();
		trickling = new TricklingServer();
		Files.writeString(profiles.resolve("alice.yml"), profile("alice", ALICE_SECRET));
		Files.writeString(profiles.resolve("bob.yml"),
				profile("bob", BOB_SECRET, "http://localhost:" + trickling.port()));
		// claims alice's id: invalid, so it can never sign alice's callbacks (contract
		// section 2)
		Files.writeString(profiles.resolve("mallory.yml"), profile("alice", MALLORY_SECRET));
		service = Service.start(broker, null, "--politely.topics.partitions=1", "--politely.profiles-dir=" + profiles,
				"--politely.mail.host=127.0.0.1", "--politely.mail.port=" + greenMail.getSmtp().getPort(),
				"--politely.callback.connect-timeout=1s", "--politely.callback.request-timeout=1s",
				"--politely.callback.backoff.initial=300ms", "--politely.callback.backoff.multiplier=2",
				"--politely.callback.backoff.max=3s", "--politely.callback.backoff.max-attempts=4");
		meters = service.getBean(MeterRegistry.class);
	}

	@AfterAll
	static void stop() throws IOException {
		release.countDown();
		trickling.close();
		if (service != null) {
			service.close();
		}
		receiver.close();
		outsider.close();
		greenMail.stop();
	}

	/** A valid profile whose callbacks may go to the test receiver. */
	private static String profile(String owner, String secret, String... moreOrigins) {
		String origins = String.join(", ",
				Stream.concat(Stream.of(receiver.origin()), Arrays.stream(moreOrigins)).toList());
		return "owner: " + owner + "\nemail: " + owner + "@example.com\ntimezone: UTC\nwebhookSecret: " + secret
				+ "\npurposes: [NETWORK, CONTRIBUTE]\ncallbackOrigins: [" + origins + "]\n";
	}

	@Test
	void postsTheRepliesSignedWithTheOwnersSecretEvenWithoutARequesterEmail() throws Exception {
		ObjectNode decision = fresh("accept-advice");
		object(object(decision, "solicitation"), "requester").putNull("email");
		object(decision, "reply").put("callbackUrl", receiver.script("/signed", n -> Answer.of(204)));
		String id = decision.get("decisionId").asString();

		Service.publish(broker, decision);

		await().atMost(PATIENCE).until(() -> receiver.requests("/signed").size() == 1);
		CallbackReceiver.Request request = receiver.requests("/signed").get(0);
		assertThat(request.headers().get("webhook-id")).isEqualTo(id);
		var delivery = new WebhookSignatureVerifier.Delivery(request.headers().get("webhook-id"),
				request.headers().get("webhook-timestamp"), request.headers().get("webhook-signature"), request.body());
		assertThat(new WebhookSignatureVerifier().verify(WebhookSecret.parse(ALICE_SECRET), delivery, Instant.now())
			.isValid()).isTrue();
		assertThat(new WebhookSignatureVerifier().verify(WebhookSecret.parse(BOB_SECRET), delivery, Instant.now())
			.isValid()).isFalse();
		assertThat(new WebhookSignatureVerifier().verify(WebhookSecret.parse(MALLORY_SECRET), delivery, Instant.now())
			.isValid()).isFalse();
		JsonNode body = JsonMapper.builder().build().readTree(new String(request.body(), StandardCharsets.UTF_8));
		assertThat(body.get("decisionId").asString()).isEqualTo(id);
		assertThat(body.get("solicitationId").asString()).isEqualTo(decision.get("solicitationId").asString());
		assertThat(body.get("outcome").asString()).isEqualTo("ACCEPT");
		assertThat(body.get("language").asString()).isEqualTo("fr");
		assertThat(body.get("subject").asString()).isEqualTo("Votre demande de conseil : 20 minutes pour vous");
		assertThat(body.get("text").asString()).startsWith("Bonjour Karim Haddad,")
			.contains("Je vous consacre 20 minutes");
		assertThat(body.get("html").asString()).contains("<html lang=\"fr\">");
		assertThat(body.get("offeredMinutes").asInt()).isEqualTo(20);
		// the requester left no address: only the owner is mailed, the callback still
		// went
		await().atMost(PATIENCE).until(() -> Mailbox.of(List.of(greenMail), id).size() == 1);
		assertThat(Search.in(meters).name("politely.decision.to.delivery").tag("channel", "callback").timer().count())
			.isGreaterThanOrEqualTo(1);
		assertThat(Search.in(meters)
			.name("politely.notifications")
			.tags("channel", "callback", "result", "sent", "application", "notification-service")
			.counter()
			.count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void retriesA500AndA429HonouringRetryAfterThenDeliversExactlyOnce() throws Exception {
		ObjectNode decision = fresh("decline-ghost");
		object(decision, "reply").put("callbackUrl", receiver.script("/flaky", n -> switch (n) {
			case 1 -> Answer.of(500);
			case 2 -> new Answer(429, "1");
			default -> Answer.of(200);
		}));
		double retriesBefore = counter("politely.callback.retries");

		Service.publish(broker, decision);

		await().atMost(PATIENCE).until(() -> receiver.requests("/flaky").size() >= 3);
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.until(() -> receiver.requests("/flaky").size() == 3);
		List<CallbackReceiver.Request> requests = receiver.requests("/flaky");
		assertThat(requests).extracting(CallbackReceiver.Request::status).containsExactly(500, 429, 200);
		assertThat(Duration.between(requests.get(1).at(), requests.get(2).at()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(950));
		assertThat(requests).extracting(request -> request.headers().get("webhook-id"))
			.containsOnly(decision.get("decisionId").asString());
		assertThat(counter("politely.callback.retries")).isGreaterThanOrEqualTo(retriesBefore + 2);
		// a refusal tells the platform nothing of why: neither the rule nor the reason,
		// in a header or in the body (contract section 4)
		for (CallbackReceiver.Request request : requests) {
			String body = new String(request.body(), StandardCharsets.UTF_8);
			assertThat(body).doesNotContain("RULE_3", "GHOST", "\"rule\"", "\"reason\"");
			assertThat(request.headers())
				.allSatisfy((name, value) -> assertThat(name + ": " + value).doesNotContainIgnoringCase("rule")
					.doesNotContain("GHOST"));
		}
	}

	@Test
	void aBadRequestIsFinalAndGoesToTheDeadLetterTopicWithTheReason() throws Exception {
		ObjectNode decision = fresh("accept-connection");
		object(decision, "reply").put("callbackUrl", receiver.script("/bad", n -> Answer.of(400)));
		String key = "alice/" + decision.get("decisionId").asString();

		Service.publish(broker, decision);

		ConsumerRecord<String, String> deadLetter = awaitDeadLetter(key);
		assertThat(new String(deadLetter.headers().lastHeader("politely-dlt-reason").value(), StandardCharsets.UTF_8))
			.isEqualTo("HTTP 400");
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> receiver.requests("/bad").size() == 1);
		assertThat(Search.in(meters)
			.name("politely.dead.letters")
			.tag("topic", "politely.callbacks-dlt")
			.counter()
			.count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void neverPostsOutsideTheOwnersOriginsAndDeadLettersTheCallbackWithTheReason() throws Exception {
		ObjectNode decision = fresh("accept-connection");
		object(decision, "reply").put("callbackUrl", outsider.script("/outside", n -> Answer.of(204)));
		String key = "alice/" + decision.get("decisionId").asString();

		Service.publish(broker, decision);

		ConsumerRecord<String, String> deadLetter = awaitDeadLetter(key);
		assertThat(new String(deadLetter.headers().lastHeader("politely-dlt-reason").value(), StandardCharsets.UTF_8))
			.contains("origin not allowed");
		assertThat(outsider.arrivals("/outside")).isZero();
	}

	@Test
	void aDeadLetterReplayedOnceTheCauseIsFixedIsDeliveredOnce() throws Exception {
		ObjectNode decision = fresh("accept-connection");
		object(decision, "reply").put("callbackUrl", receiver.script("/fixed", n -> Answer.of(n == 1 ? 400 : 200)));
		String key = "alice/" + decision.get("decisionId").asString();
		Service.publish(broker, decision);
		ConsumerRecord<String, String> deadLetter = awaitDeadLetter(key);

		// what ./politely dead-letters replay does: the job back on its table, same
		// partition
		try (var producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker), new StringSerializer(),
				new StringSerializer())) {
			producer.send(new ProducerRecord<>("politely.callbacks", deadLetter.partition(), key, deadLetter.value()))
				.get();
			await().atMost(PATIENCE).until(() -> receiver.requests("/fixed").size() == 2);
			assertThat(receiver.requests("/fixed")).extracting(CallbackReceiver.Request::status)
				.containsExactly(400, 200);

			producer.send(new ProducerRecord<>("politely.callbacks", deadLetter.partition(), key, deadLetter.value()))
				.get();
		}
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(4))
			.until(() -> receiver.requests("/fixed").size() == 2);
	}

	@Test
	void retriesAReceiverThatTimesOut() throws Exception {
		ObjectNode decision = fresh("accept-connection");
		CountDownLatch firstDone = new CountDownLatch(1);
		object(decision, "reply").put("callbackUrl", receiver.script("/slow", n -> {
			if (n == 1) {
				awaitQuietly(firstDone, 3);
			}
			return Answer.of(200);
		}));

		Service.publish(broker, decision);

		await().atMost(PATIENCE).until(() -> receiver.requests("/slow").size() == 1);
		firstDone.countDown();
		assertThat(receiver.arrivals("/slow")).isEqualTo(2);
		assertThat(receiver.requests("/slow").get(0).headers().get("webhook-id"))
			.isEqualTo(decision.get("decisionId").asString());
	}

	@Test
	void aHangingEndpointNeverHoldsUpAnotherOwnersEmails() throws Exception {
		String hanging = receiver.script("/hang", n -> {
			awaitQuietly(release, 60);
			return Answer.of(200);
		});
		List<ObjectNode> bobs = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			ObjectNode decision = fresh("accept-connection");
			decision.put("ownerId", "bob");
			object(decision, "owner").put("id", "bob").put("email", "bob@example.com");
			object(decision, "reply").put("callbackUrl", hanging);
			bobs.add(decision);
		}
		ObjectNode alice = fresh("decline-ghost");
		Service.publish(broker, bobs.toArray(ObjectNode[]::new));
		// one partition: had the callbacks run on the email listener, Alice's decision
		// would queue behind them
		Service.publish(broker, alice);

		Instant published = Instant.now();
		await().atMost(Duration.ofSeconds(4))
			.until(() -> Mailbox.of(List.of(greenMail), alice.get("decisionId").asString()).size() == 2);
		assertThat(Duration.between(published, Instant.now())).isLessThan(Duration.ofSeconds(4));
		assertThat(receiver.arrivals("/hang")).isPositive();
	}

	@Test
	void aReceiverThatNeverFinishesItsAnswerIsGivenUpAtTheDeadlineAndHoldsUpNoOtherOwnersCallback() throws Exception {
		ObjectNode bob = fresh("accept-connection");
		bob.put("ownerId", "bob");
		object(bob, "owner").put("id", "bob").put("email", "bob@example.com");
		object(bob, "reply").put("callbackUrl", "http://LocalHost:" + trickling.port() + "/replies");
		ObjectNode alice = fresh("decline-ghost");
		object(alice, "reply").put("callbackUrl", receiver.script("/beside-a-trickle", n -> Answer.of(204)));

		Service.publish(broker, bob);
		await().atMost(PATIENCE).until(() -> trickling.accepted() >= 1);
		Service.publish(broker, alice);

		await().atMost(PATIENCE).until(() -> receiver.requests("/beside-a-trickle").size() == 1);
		// the headers came at once, the body never ends: the attempt is given up at the
		// deadline (its connection closed) and tried again later
		await().atMost(PATIENCE).until(() -> trickling.closedByClient() >= 1 && trickling.accepted() >= 2);
	}

	private static void awaitQuietly(CountDownLatch latch, int seconds) {
		try {
			latch.await(seconds, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static ConsumerRecord<String, String> awaitDeadLetter(String key) {
		Map<String, Object> config = KafkaTestUtils.consumerProps(broker, "dlt-" + System.nanoTime(), false);
		try (Consumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of("politely.callbacks-dlt"));
			List<ConsumerRecord<String, String>> found = new ArrayList<>();
			await().atMost(PATIENCE).until(() -> {
				KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500)).forEach(found::add);
				return found.stream().anyMatch(record -> key.equals(record.key()));
			});
			return found.stream().filter(record -> key.equals(record.key())).findFirst().orElseThrow();
		}
	}

	private static double counter(String name, String... tags) {
		var counter = Search.in(meters).name(name).tags(tags).counter();
		return counter == null ? 0 : counter.count();
	}

}
