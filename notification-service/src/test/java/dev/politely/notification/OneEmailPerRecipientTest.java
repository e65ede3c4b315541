package dev.politely.notification;

import static dev.politely.notification.Decisions.fresh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.search.Search;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import tools.jackson.databind.node.ObjectNode;

/**
 * At most once per recipient, through an SMTP outage, a replay of the decisions from the
 * start and a restart of the service: every Message-ID is received once.
 */
@EmbeddedBroker
class OneEmailPerRecipientTest {

	private static final Duration PATIENCE = Duration.ofSeconds(40);

	private static EmbeddedKafkaBroker broker;

	private final List<GreenMail> servers = new CopyOnWriteArrayList<>();

	private final List<ConfigurableApplicationContext> services = new ArrayList<>();

	@BeforeAll
	static void broker(EmbeddedKafkaBroker embedded) {
		broker = embedded;
	}

	@AfterEach
	void stop() {
		services.forEach(ConfigurableApplicationContext::close);
		servers.forEach(GreenMail::stop);
	}

	@Test
	void sendsEveryPendingMailExactlyOnceWhenTheSmtpServerComesBack() throws Exception {
		GreenMail first = smtp(0);
		int port = first.getSmtp().getPort();
		ConfigurableApplicationContext service = service("outage", port);
		MeterRegistry meters = service.getBean(MeterRegistry.class);
		ObjectNode before = fresh("accept-connection");
		Service.publish(broker, before);
		await().atMost(PATIENCE).until(() -> Mailbox.of(servers, id(before)).size() == 2);

		first.stop();
		List<ObjectNode> pending = List.of(fresh("accept-advice"), fresh("decline-ghost"), fresh("decline-private"),
				fresh("accept-connection"));
		Service.publish(broker, pending.toArray(ObjectNode[]::new));
		await().atMost(PATIENCE).until(() -> failedEmails(meters) >= 3);
		assertThat(Search.in(meters).name("resilience4j.circuitbreaker.state").tag("name", "smtp").gauges())
			.isNotEmpty();
		// the same port, a new server (GreenMail forgets what the stopped one received)
		List<GreenMail> restarted = List.of(smtp(port));

		await().atMost(PATIENCE).until(() -> pending.stream().allMatch(d -> Mailbox.of(restarted, id(d)).size() >= 2));
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> Mailbox.all(restarted).size() == pending.size() * 2);
		assertThat(Mailbox.countByMessageId(restarted).values()).containsOnly(1L);
		assertThat(Mailbox.of(restarted, id(before))).isEmpty();
	}

	@Test
	void aReplayFromTheStartOrARestartSendsNothingNew() throws Exception {
		GreenMail smtp = smtp(0);
		ConfigurableApplicationContext first = service("replay-1", smtp.getSmtp().getPort());
		List<ObjectNode> decisions = List.of(fresh("accept-advice"), fresh("decline-ghost"), fresh("review-weak-link"));
		ObjectNode redelivered = decisions.get(0);
		Service.publish(broker, decisions.toArray(ObjectNode[]::new));
		Service.publish(broker, redelivered);
		await().atMost(PATIENCE)
			.until(() -> Mailbox.of(servers, id(decisions.get(0))).size() == 2
					&& Mailbox.of(servers, id(decisions.get(1))).size() == 2
					&& Mailbox.of(servers, id(decisions.get(2))).size() == 1);
		first.close();
		int before = Mailbox.all(servers).size();

		// a new context, a new group reading the decisions from the start: only the
		// ledger in Kafka remembers
		ConfigurableApplicationContext second = service("replay-2", smtp.getSmtp().getPort());
		ObjectNode marker = fresh("decline-private");
		Service.publish(broker, marker);

		await().atMost(PATIENCE).until(() -> Mailbox.of(servers, id(marker)).size() == 2);
		assertThat(Mailbox.all(servers)).hasSize(before + 2);
		Map<String, Long> counts = Mailbox.countByMessageId(servers);
		assertThat(counts.values()).containsOnly(1L);
		assertThat(Search.in(second.getBean(MeterRegistry.class))
			.name("politely.notifications")
			.tags("channel", "email", "result", "skipped_duplicate")
			.counters()
			.stream()
			.mapToDouble(counter -> counter.count())
			.sum()).isGreaterThanOrEqualTo(5);
	}

	private GreenMail smtp(int port) {
		GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		server.start();
		servers.add(server);
		return server;
	}

	private ConfigurableApplicationContext service(String group, int smtpPort) {
		ConfigurableApplicationContext service = Service.start(broker, null, "--politely.topics.partitions=2",
				"--spring.kafka.consumer.group-id=" + group + "-" + System.nanoTime(), "--politely.mail.host=127.0.0.1",
				"--politely.mail.port=" + smtpPort, "--politely.mail.connection-timeout=500ms",
				"--politely.mail.timeout=2s");
		services.add(service);
		return service;
	}

	private static double failedEmails(MeterRegistry meters) {
		return Search.in(meters)
			.name("politely.notifications")
			.tags("channel", "email", "result", "failed")
			.counters()
			.stream()
			.mapToDouble(counter -> counter.count())
			.sum();
	}

	private static String id(ObjectNode decision) {
		return decision.get("decisionId").asString();
	}

}
