package dev.politely.intake.readiness;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import dev.politely.intake.config.IntakeProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The intake is ready only when the policy's public health says UP: a policy whose stream
 * is not running (or that does not answer) keeps the pipeline DOWN, with the broker up.
 * The policy side is its public health endpoint as it answers it (status only).
 */
@EmbeddedKafka(partitions = 1)
class PolicyReadinessTest {

	@Test
	void isDownUntilThePolicySaysUp(EmbeddedKafkaBroker broker) throws Exception {
		AtomicReference<String> policyStatus = new AtomicReference<>("DOWN");
		HttpServer policy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		policy.createContext("/actuator/health", exchange -> {
			String status = policyStatus.get();
			byte[] body = ("{\"status\":\"" + status + "\"}").getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(status.equals("UP") ? 200 : 503, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		policy.start();
		PipelineHealthIndicator readiness = readiness(broker, "http://127.0.0.1:" + policy.getAddress().getPort());
		try {
			assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(readiness.health().getDetails()).containsEntry("policy", "DOWN");

			policyStatus.set("UP");
			assertThat(readiness.health().getStatus()).isEqualTo(Status.UP);
		}
		finally {
			readiness.destroy();
			policy.stop(0);
		}
	}

	@Test
	void isDownWhenThePolicyDoesNotAnswer(EmbeddedKafkaBroker broker) throws Exception {
		HttpServer closed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		int port = closed.getAddress().getPort();
		closed.stop(0);
		PipelineHealthIndicator readiness = readiness(broker, "http://127.0.0.1:" + port);
		try {
			assertThat(readiness.health().getStatus()).isEqualTo(Status.DOWN);
			assertThat(readiness.health().getDetails().get("policy").toString()).startsWith("not answering");
		}
		finally {
			readiness.destroy();
		}
	}

	private static PipelineHealthIndicator readiness(EmbeddedKafkaBroker broker, String policyUrl) {
		IntakeProperties properties = new IntakeProperties("http://localhost:8080", null, null,
				new IntakeProperties.Readiness(List.of(), Duration.ofSeconds(2), Duration.ZERO, policyUrl));
		return new PipelineHealthIndicator(new KafkaAdmin(Map.of("bootstrap.servers", broker.getBrokersAsString())),
				properties, Clock.systemUTC());
	}

}
