package dev.politely.e2e;

import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline in one JVM: the three services as they run in production (their own
 * application classes and defaults), a Kafka broker and a GreenMail SMTP server. Posts
 * the contract's examples, signed, and reads the emails that come out. Which broker is
 * the subclass's choice: the same scenario runs against the embedded KRaft broker
 * everywhere, and against the official Kafka image where Docker exists.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
abstract class PipelineScenario {

	/** Boot's log correlation: {@code [traceId-spanId]}. */
	static final Pattern TRACE = Pattern.compile("\\[([0-9a-f]{32})-[0-9a-f]{16}\\]");

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	private final Supplier<String> bootstrapServers;

	private RunningPipeline pipeline;

	private WebhookSender webhook;

	/**
	 * @param bootstrapServers read once the broker is up, before the services start
	 */
	PipelineScenario(Supplier<String> bootstrapServers) {
		this.bootstrapServers = bootstrapServers;
	}

	@BeforeAll
	void startTheServices(@TempDir Path profiles) throws Exception {
		this.pipeline = RunningPipeline.start(this.bootstrapServers.get(), mail.getSmtp().getPort(), profiles);
		this.webhook = new WebhookSender(this.pipeline.intakeUrl(), RunningPipeline.SECRET);
	}

	@AfterAll
	void stopTheServices() {
		if (this.pipeline != null) {
			this.pipeline.close();
		}
	}

	@Test
	void acceptsACoherentConnectionAndWritesToTheOwnerAndInFrenchToTheRequester() throws Exception {
		HttpResponse<String> response = post("connection-coherent.json", "msg_" + UUID.randomUUID());
		assertThat(response.statusCode()).isEqualTo(202);
		String solicitationId = solicitationIdOf(response);

		MimeMessage owner = awaitMail("alice@example.com", solicitationId);
		assertThat(header(owner, "X-Politely-Outcome")).isEqualTo("ACCEPT");
		assertThat(header(owner, "X-Politely-Rule")).isEqualTo("RULE_2");
		assertThat(header(owner, "X-Politely-Reason")).isEqualTo("COHERENT_NETWORK");
		assertThat(owner.getMessageID()).endsWith(".owner@politely>");
		assertThat(text(owner)).contains("Julien Moreau");

		MimeMessage reply = awaitMail("julien.moreau@example.org", solicitationId);
		assertThat(header(reply, "X-Politely-Outcome")).isEqualTo("ACCEPT");
		assertThat(reply.getMessageID()).endsWith(".requester@politely>");
		assertThat(text(reply)).contains("Julien").contains("Alice Martin").containsIgnoringCase("bonjour");
		assertThat(html(reply)).contains("<html");
	}

	@Test
	void declinesAGhostInEnglishWithoutRevealingWhy() throws Exception {
		HttpResponse<String> response = post("connection-ghost.json", "msg_" + UUID.randomUUID());
		assertThat(response.statusCode()).isEqualTo(202);
		String solicitationId = solicitationIdOf(response);

		MimeMessage owner = awaitMail("alice@example.com", solicitationId);
		assertThat(header(owner, "X-Politely-Outcome")).isEqualTo("DECLINE");
		assertThat(header(owner, "X-Politely-Reason")).isEqualTo("GHOST");

		MimeMessage reply = awaitMail("max.growth@example.com", solicitationId);
		assertThat(header(reply, "X-Politely-Outcome")).isEqualTo("DECLINE");
		String words = (reply.getSubject() + " " + text(reply) + " " + html(reply)).toLowerCase();
		assertThat(words).contains("max").contains("thank");
		assertThat(words).doesNotContain("ghost", "rule", "mutual", "coheren", "fantôme", "règle", "rule_");
	}

	@Test
	void offersTheAdviceMinutesOfAnAcceptedRequestForAdvice() throws Exception {
		HttpResponse<String> response = post("advice-within-budget.json", "msg_" + UUID.randomUUID());
		assertThat(response.statusCode()).isEqualTo(202);
		String solicitationId = solicitationIdOf(response);

		MimeMessage reply = awaitMail("karim.haddad@example.com", solicitationId);
		// the rule and the reason are the owner's: never in a requester's email (contract
		// section 4)
		assertThat(header(reply, "X-Politely-Reason")).isNull();
		assertThat(header(reply, "X-Politely-Rule")).isNull();
		assertThat(text(reply)).contains("20 minutes");
	}

	@Test
	void answersARedeliveryWithTheSameIdAndSendsNothingNew() throws Exception {
		String webhookId = "msg_" + UUID.randomUUID();
		HttpResponse<String> first = post("recommendation-barely-known.json", webhookId);
		String solicitationId = solicitationIdOf(first);
		awaitMail("sophie.lambert@example.net", solicitationId);

		HttpResponse<String> again = post("recommendation-barely-known.json", webhookId);
		assertThat(again.statusCode()).isIn(200, 202);
		assertThat(solicitationIdOf(again)).isEqualTo(solicitationId);

		// a later solicitation of the same owner goes through the whole pipeline after
		// the redelivery,
		// in order (same key, same partition), so the redelivery had its chance to be
		// mailed
		String later = solicitationIdOf(post("private-platform.json", "msg_" + UUID.randomUUID()));
		await().atMost(Duration.ofSeconds(60)).until(() -> mailsAbout(later).size() == 2);
		assertThat(mailsAbout(solicitationId)).hasSize(2);
	}

	@Test
	void tracesOneSolicitationThroughTheThreeServices(CapturedOutput output) throws Exception {
		String solicitationId = solicitationIdOf(post("connection-coherent.json", "msg_" + UUID.randomUUID()));
		awaitMail("julien.moreau@example.org", solicitationId);

		// the intake logs the receipt inside the webhook's trace; find that trace id in
		// its line
		String received = await().atMost(Duration.ofSeconds(10))
			.until(() -> output.getOut()
				.lines()
				.filter(line -> line.contains("Solicitation " + solicitationId + " received"))
				.findFirst()
				.orElse(null), line -> line != null);
		Matcher trace = TRACE.matcher(received);
		assertThat(trace.find()).as("a trace id in %s", received).isTrue();
		String traceId = trace.group(1);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			List<String> traced = output.getOut().lines().filter(line -> line.contains(traceId)).toList();
			assertThat(traced).anyMatch(line -> line.contains("decided " + solicitationId));
			assertThat(traced).anyMatch(
					line -> line.contains("Sent the requester email of decision") && line.contains(solicitationId));
		});
	}

	private HttpResponse<String> post(String example, String webhookId) throws Exception {
		try (InputStream in = PipelineScenario.class.getResourceAsStream("/contracts/examples/" + example)) {
			return this.webhook.post("alice", webhookId, in.readAllBytes());
		}
	}

	static String solicitationIdOf(HttpResponse<String> response) {
		String body = response.body();
		int start = body.indexOf("\"solicitationId\"");
		assertThat(start).as("solicitationId in %s", body).isNotNegative();
		int open = body.indexOf('"', body.indexOf(':', start)) + 1;
		return body.substring(open, body.indexOf('"', open));
	}

	private static MimeMessage awaitMail(String recipient, String solicitationId) {
		return await().atMost(Duration.ofSeconds(60))
			.until(() -> mailsAbout(solicitationId).stream()
				.filter(m -> recipientIs(m, recipient))
				.findFirst()
				.orElse(null), m -> m != null);
	}

	private static List<MimeMessage> mailsAbout(String solicitationId) {
		return Arrays.stream(mail.getReceivedMessages())
			.filter(m -> solicitationId.equals(header(m, "X-Politely-Solicitation")))
			.toList();
	}

	private static boolean recipientIs(MimeMessage message, String address) {
		try {
			return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
				.anyMatch(a -> a.toString().contains(address));
		}
		catch (Exception e) {
			return false;
		}
	}

	private static String header(MimeMessage message, String name) {
		try {
			String[] values = message.getHeader(name);
			return values == null ? null : values[0];
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	private static String text(MimeMessage message) throws Exception {
		return part(message, "text/plain");
	}

	private static String html(MimeMessage message) throws Exception {
		return part(message, "text/html");
	}

	private static String part(jakarta.mail.Part part, String type) throws Exception {
		if (part.isMimeType(type)) {
			return String.valueOf(part.getContent());
		}
		if (part.getContent() instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String found = part(multipart.getBodyPart(i), type);
				if (!found.isEmpty()) {
					return found;
				}
			}
		}
		return "";
	}

}
