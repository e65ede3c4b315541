package dev.politely.notification;

import static dev.politely.notification.Decisions.fresh;
import static dev.politely.notification.Decisions.object;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.node.ObjectNode;

/**
 * The owner's cadence with a clock the test controls: DAILY_DIGEST gathers the day's
 * final decisions into one email at the owner's digest time in the owner's zone, even
 * across a restart; a REVIEW still goes at once; NONE sends the owner nothing, the
 * requester still gets their reply.
 */
@EmbeddedBroker
class DigestTest {

	private static final Duration PATIENCE = Duration.ofSeconds(30);

	/** 09:00 in Paris. */
	private static final Instant MORNING = Instant.parse("2026-11-24T08:00:00Z");

	private static final GreenMail greenMail = new GreenMail(
			new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	private static final MutableClock clock = new MutableClock(MORNING);

	private static EmbeddedKafkaBroker broker;

	private static ConfigurableApplicationContext service;

	@BeforeAll
	static void start(EmbeddedKafkaBroker embedded) {
		broker = embedded;
		greenMail.start();
	}

	@AfterAll
	static void stop() {
		if (service != null) {
			service.close();
		}
		greenMail.stop();
	}

	@Test
	void gathersTheDaysDecisionsIntoOneDigestAtTheOwnersTimeInTheOwnersZone() throws Exception {
		service = start();
		ObjectNode advice = cadence(fresh("accept-advice"), "DAILY_DIGEST");
		ObjectNode ghost = cadence(fresh("decline-ghost"), "DAILY_DIGEST");
		ObjectNode review = cadence(fresh("review-weak-link"), "DAILY_DIGEST");
		ObjectNode quiet = cadence(fresh("accept-connection"), "NONE");
		Service.publish(broker, advice, ghost, review, quiet);

		await().atMost(PATIENCE)
			.until(() -> requesterMails(advice) == 1 && requesterMails(ghost) == 1 && requesterMails(quiet) == 1
					&& Mailbox.of(servers(), id(review)).size() == 1);
		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(3))
			.until(() -> ownerMails(advice) + ownerMails(ghost) + ownerMails(quiet) + digests().size() == 0);

		// pending lines live in Kafka: a new context picks them up
		service.close();
		service = start();
		clock.set(Instant.parse("2026-11-24T16:59:00Z"));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> digests().isEmpty());

		clock.set(Instant.parse("2026-11-24T17:00:00Z"));
		await().atMost(PATIENCE).until(() -> digests().size() == 1);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> digests().size() == 1);
		MimeMessage digest = digests().get(0);
		assertThat(digest.getMessageID()).isEqualTo("<digest.alice.2026-11-24@politely>");
		assertThat(((InternetAddress) digest.getAllRecipients()[0]).getAddress()).isEqualTo("alice@example.com");
		assertThat(digest.getSubject()).isEqualTo("Votre journée avec Politely : 2 décisions (mardi 24 novembre 2026)");
		assertThat(Mailbox.text(digest)).contains("Karim Haddad : une demande de conseil sur LinkedIn, acceptée")
			.contains("Max Growth : une invitation à se connecter sur LinkedIn, déclinée")
			.contains(advice.get("explanation").asString())
			.contains(ghost.get("explanation").asString())
			.doesNotContain("Léa Rousseau")
			.doesNotContain("Julien Moreau");
	}

	private static ConfigurableApplicationContext start() {
		return Service.start(broker, clock, "--politely.topics.partitions=2",
				"--spring.kafka.consumer.group-id=digest-test", "--politely.digest.check-interval=100ms",
				"--politely.mail.host=127.0.0.1", "--politely.mail.port=" + greenMail.getSmtp().getPort());
	}

	private static ObjectNode cadence(ObjectNode decision, String emails) {
		object(decision, "owner").put("emails", emails).put("digestTime", "18:00");
		return decision;
	}

	private static List<GreenMail> servers() {
		return List.of(greenMail);
	}

	private static long requesterMails(ObjectNode decision) {
		return Mailbox.of(servers(), id(decision))
			.stream()
			.filter(mail -> Mailbox.messageId(mail).endsWith(".requester@politely>"))
			.count();
	}

	private static long ownerMails(ObjectNode decision) {
		return Mailbox.of(servers(), id(decision))
			.stream()
			.filter(mail -> Mailbox.messageId(mail).endsWith(".owner@politely>"))
			.count();
	}

	private static List<MimeMessage> digests() {
		return Mailbox.all(servers()).stream().filter(mail -> Mailbox.messageId(mail).startsWith("<digest.")).toList();
	}

	private static String id(ObjectNode decision) {
		return decision.get("decisionId").asString();
	}

}
