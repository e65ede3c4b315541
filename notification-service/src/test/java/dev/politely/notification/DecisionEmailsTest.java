package dev.politely.notification;

import static dev.politely.notification.Decisions.fresh;
import static dev.politely.notification.Decisions.json;
import static dev.politely.notification.Decisions.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole service against a real broker (embedded, KRaft) and a real SMTP server
 * (GreenMail, behind a proxy that counts the SMTP connections): DecisionMade records in,
 * emails out.
 */
@SpringBootTest(properties = { "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
		"politely.topics.partitions=3", "politely.retry.initial-interval=100ms", "politely.retry.max-interval=400ms",
		"resilience4j.circuitbreaker.instances.smtp.wait-duration-in-open-state=500ms",
		"resilience4j.retry.instances.smtp.wait-duration=50ms" })
@EmbeddedBroker
class DecisionEmailsTest {

	private static final GreenMail greenMail = startGreenMail();

	private static final CountingProxy smtp = proxyTo(greenMail);

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	@Autowired
	private EmbeddedKafkaBroker broker;

	@Autowired
	private MeterRegistry meters;

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("politely.mail.host", () -> "127.0.0.1");
		registry.add("politely.mail.port", smtp::port);
	}

	@AfterAll
	static void stopSmtp() throws IOException {
		smtp.close();
		greenMail.stop();
	}

	@Test
	void sendsTheOwnersDecisionAndTheRequestersReply() throws Exception {
		ObjectNode decision = fresh("accept-connection");
		decision.put("aFieldFromTheFuture", "a tolerant reader skips it");
		String id = decision.get("decisionId").asString();

		publish(decision);

		List<MimeMessage> mails = awaitMails(id, 2);
		MimeMessage owner = withMessageId(mails, "<" + id + ".owner@politely>");
		MimeMessage reply = withMessageId(mails, "<" + id + ".requester@politely>");

		assertThat(owner.getRecipients(Message.RecipientType.TO))
			.containsExactly(new InternetAddress("alice@example.com"));
		assertThat(owner.getFrom()).containsExactly(new InternetAddress("politely@politely.local", "Politely"));
		assertThat(owner.getSubject()).isEqualTo("Acceptée pour vous : Julien Moreau, invitation à se connecter");
		assertThat(owner.getHeader("X-Politely-Solicitation", null))
			.isEqualTo(decision.get("solicitationId").asString());
		assertThat(owner.getHeader("X-Politely-Outcome", null)).isEqualTo("ACCEPT");
		assertThat(owner.getHeader("X-Politely-Rule", null)).isEqualTo("RULE_2");
		assertThat(owner.getHeader("X-Politely-Reason", null)).isEqualTo("COHERENT_NETWORK");
		assertThat(text(owner)).startsWith("Bonjour Alice Martin,").contains("Julien Moreau");
		assertThat(html(owner)).contains("<html lang=\"fr\">").contains("Responsable formation chez Exemple SA");

		assertThat(((InternetAddress) reply.getRecipients(Message.RecipientType.TO)[0]).getAddress())
			.isEqualTo("julien.moreau@example.org");
		assertThat(((InternetAddress) reply.getFrom()[0]).getPersonal()).isEqualTo("Alice Martin via Politely");
		assertThat(reply.getSubject()).isEqualTo("Bienvenue dans mon réseau, Julien Moreau");
		assertThat(reply.getHeader("X-Politely-Outcome", null)).isEqualTo("ACCEPT");
		assertThat(text(reply)).startsWith("Bonjour Julien Moreau,").contains("je l’accepte avec plaisir");
		assertThat(html(reply)).contains("je l’accepte avec plaisir");

		assertThat(Search.in(meters)
			.name("politely.notifications")
			.tags("channel", "email", "role", "requester", "result", "sent")
			.counter()
			.count()).isGreaterThanOrEqualTo(1);
		assertThat(Search.in(meters).name("politely.decision.to.delivery").timer().count()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void repliesInTheRequestersLanguageAndWritesTheOwnerInTheirs() throws Exception {
		ObjectNode decision = fresh("decline-ghost");
		String id = decision.get("decisionId").asString();

		publish(decision);

		List<MimeMessage> mails = awaitMails(id, 2);
		MimeMessage owner = withMessageId(mails, "<" + id + ".owner@politely>");
		MimeMessage reply = withMessageId(mails, "<" + id + ".requester@politely>");
		assertThat(owner.getSubject()).startsWith("Déclinée pour vous");
		assertThat(owner.getHeader("X-Politely-Reason", null)).isEqualTo("GHOST");
		assertThat(reply.getSubject()).isEqualTo("Thank you for your message, Max Growth");
		assertThat(text(reply)).startsWith("Hello Max Growth,").doesNotContainIgnoringCase("ghost");
		assertThat(html(reply)).contains("<html lang=\"en\">");
	}

	@Test
	void aReviewWritesOnlyToTheOwner() throws Exception {
		ObjectNode review = fresh("review-weak-link");
		ObjectNode after = fresh("accept-connection");
		String reviewId = review.get("decisionId").asString();

		publish(review);
		publish(after);

		awaitMails(after.get("decisionId").asString(), 2);
		List<MimeMessage> mails = mailsOf(reviewId);
		assertThat(mails).hasSize(1);
		assertThat(mails.get(0).getMessageID()).isEqualTo("<" + reviewId + ".owner@politely>");
		assertThat(mails.get(0).getHeader("X-Politely-Outcome", null)).isEqualTo("REVIEW");
		assertThat(html(mails.get(0))).contains("href=\"http://localhost:8080/v1/verdicts/");
	}

	@Test
	void deadLettersPoisonRecordsAndKeepsDelivering() throws Exception {
		String unreadable = "{\"decisionId\": \"not json at all";
		ObjectNode invalid = fresh("accept-connection");
		invalid.remove("owner");
		ObjectNode good = fresh("accept-advice");

		publish(unreadable);
		publish(json(invalid));
		publish(good);

		awaitMails(good.get("decisionId").asString(), 2);
		try (Consumer<String, byte[]> deadLetters = deadLetterReader()) {
			deadLetters.subscribe(List.of("politely.decisions-dlt"));
			List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
			await().atMost(PATIENCE).until(() -> {
				KafkaTestUtils.getRecords(deadLetters, Duration.ofMillis(500)).forEach(found::add);
				return found.stream()
					.map(DecisionEmailsTest::value)
					.toList()
					.containsAll(List.of(unreadable, json(invalid)));
			});
			ConsumerRecord<String, byte[]> letter = found.stream()
				.filter(record -> value(record).equals(unreadable))
				.findFirst()
				.orElseThrow();
			assertThat(letter.key()).isEqualTo("alice");
			assertThat(header(letter, KafkaHeaders.DLT_EXCEPTION_FQCN)).contains("DeserializationException");
			assertThat(header(letter, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo("politely.decisions");
			assertThat(header(letter, KafkaHeaders.DLT_EXCEPTION_STACKTRACE)).isNotBlank();
		}
		assertThat(mailsOf(invalid.get("decisionId").asString())).isEmpty();
	}

	@Test
	void readsOnlyCommittedDecisions() throws Exception {
		ObjectNode rolledBack = fresh("accept-connection");
		ObjectNode committed = fresh("decline-ghost");
		Map<String, Object> config = KafkaTestUtils.producerProps(broker);
		config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "policy-test-" + System.nanoTime());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
				new StringSerializer())) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>("politely.decisions", "alice", json(rolledBack))).get();
			producer.abortTransaction();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>("politely.decisions", "alice", json(committed))).get();
			producer.commitTransaction();
		}

		// same key, same partition: had the rolled-back record been read, it would have
		// been mailed first
		awaitMails(committed.get("decisionId").asString(), 2);
		assertThat(mailsOf(rolledBack.get("decisionId").asString())).isEmpty();
	}

	@Test
	void reusesOneSmtpConnectionForManyEmails() throws Exception {
		int decisions = 25;
		int connectionsBefore = smtp.connections();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < decisions; i++) {
			ObjectNode decision = fresh(i % 2 == 0 ? "accept-advice" : "decline-private");
			ids.add(decision.get("decisionId").asString());
			publish(decision);
		}

		await().atMost(PATIENCE).until(() -> ids.stream().allMatch(id -> mailsOf(id).size() == 2));

		int connections = smtp.connections() - connectionsBefore;
		System.out.printf(
				"DecisionEmailsTest: %d emails through %d new SMTP connection(s); in all %d emails, %d"
						+ " connections (refused ones included)%n",
				decisions * 2, connections, greenMail.getReceivedMessages().length, smtp.connections());
		assertThat(connections).isLessThanOrEqualTo(1);
	}

	@Test
	void retriesWhileTheSmtpServerIsDownAndDeliversOnceItIsBack() throws Exception {
		ObjectNode decision = fresh("accept-connection");
		String id = decision.get("decisionId").asString();
		double failedBefore = failedOwnerEmails();

		smtp.down(true);
		try {
			publish(decision);
			await().atMost(PATIENCE).until(() -> failedOwnerEmails() >= failedBefore + 3);
			assertThat(mailsOf(id)).isEmpty();
		}
		finally {
			smtp.down(false);
		}

		assertThat(awaitMails(id, 2)).hasSize(2);
	}

	private double failedOwnerEmails() {
		var counter = Search.in(meters)
			.name("politely.notifications")
			.tags("role", "owner", "result", "failed")
			.counter();
		return counter == null ? 0 : counter.count();
	}

	private void publish(ObjectNode decision) throws Exception {
		publish(json(decision));
	}

	private void publish(String value) throws Exception {
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(KafkaTestUtils.producerProps(broker),
				new StringSerializer(), new StringSerializer())) {
			producer.send(new ProducerRecord<>("politely.decisions", "alice", value)).get();
		}
	}

	private Consumer<String, byte[]> deadLetterReader() {
		Map<String, Object> config = KafkaTestUtils.consumerProps(broker, "dlt-reader-" + System.nanoTime(), false);
		return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
	}

	private static List<MimeMessage> awaitMails(String decisionId, int count) {
		await().atMost(PATIENCE).until(() -> mailsOf(decisionId).size() >= count);
		List<MimeMessage> mails = mailsOf(decisionId);
		assertThat(mails).hasSize(count);
		return mails;
	}

	private static List<MimeMessage> mailsOf(String decisionId) {
		return Arrays.stream(greenMail.getReceivedMessages()).filter(mail -> {
			try {
				return mail.getMessageID() != null && mail.getMessageID().startsWith("<" + decisionId + ".");
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static MimeMessage withMessageId(List<MimeMessage> mails, String messageId) {
		return mails.stream().filter(mail -> {
			try {
				return messageId.equals(mail.getMessageID());
			}
			catch (MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).findFirst().orElseThrow(() -> new AssertionError("No email with Message-ID " + messageId));
	}

	private static String text(MimeMessage mail) throws Exception {
		Multipart parts = (Multipart) mail.getContent();
		assertThat(mail.getContentType()).startsWith("multipart/alternative");
		assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/plain");
		return (String) parts.getBodyPart(0).getContent();
	}

	private static String html(MimeMessage mail) throws Exception {
		Multipart parts = (Multipart) mail.getContent();
		assertThat(parts.getBodyPart(1).getContentType()).startsWith("text/html");
		return (String) parts.getBodyPart(1).getContent();
	}

	private static String value(ConsumerRecord<String, byte[]> record) {
		return new String(record.value(), StandardCharsets.UTF_8);
	}

	private static String header(ConsumerRecord<String, byte[]> record, String name) {
		var header = record.headers().lastHeader(name);
		return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
	}

	private static GreenMail startGreenMail() {
		GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	private static CountingProxy proxyTo(GreenMail server) {
		try {
			return new CountingProxy(server.getSmtp().getPort());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
