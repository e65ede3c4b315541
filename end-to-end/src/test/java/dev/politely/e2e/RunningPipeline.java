package dev.politely.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.politely.intake.IntakeApplication;
import dev.politely.notification.NotificationApplication;
import dev.politely.policy.PolicyApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * The three services in this JVM, each from its own application class and defaults,
 * against a given broker and SMTP server, with the demo owner alice's profile. Ready once
 * the intake says it is healthy.
 */
final class RunningPipeline implements AutoCloseable {

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private final ConfigurableApplicationContext policy;

	private final ConfigurableApplicationContext notification;

	private final ConfigurableApplicationContext intake;

	private RunningPipeline(ConfigurableApplicationContext policy, ConfigurableApplicationContext notification,
			ConfigurableApplicationContext intake) {
		this.policy = policy;
		this.notification = notification;
		this.intake = intake;
	}

	static RunningPipeline start(String bootstrapServers, int smtpPort, Path profiles) throws IOException {
		return start(bootstrapServers, smtpPort, profiles, demoProfile());
	}

	/** The demo owner alice's profile, as {@code ./politely local} runs it. */
	static String demoProfile() throws IOException {
		try (InputStream alice = RunningPipeline.class.getResourceAsStream("/profiles/alice.yml")) {
			return new String(alice.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	static RunningPipeline start(String bootstrapServers, int smtpPort, Path profiles, String aliceProfile)
			throws IOException {
		Files.writeString(profiles.resolve("alice.yml"), aliceProfile);
		String[] common = { "--server.port=0", "--management.server.port=0",
				"--spring.kafka.bootstrap-servers=" + bootstrapServers, "--POLITELY_PROFILES_DIR=" + profiles,
				"--POLITELY_TOPIC_PARTITIONS=2", "--SMTP_HOST=127.0.0.1", "--SMTP_TLS=none", "--SMTP_PORT=" + smtpPort,
				// the key of the verdict links, shared by the intake and the policy (no
				// default)
				"--POLITELY_VERDICT_KEY=e2e:ZTJlLW9ubHktdmVyZGljdC1rZXktb2YtMzItYnl0ZXMtb3ItbW9yZQ==",
				// the policy logs each decision at DEBUG only; the tracing scenario looks
				// for that line
				"--logging.level.dev.politely.policy.stream.DecisionProcessor=debug",
				// every trace recorded: the tracing scenario follows one solicitation's
				"--management.tracing.sampling.probability=1.0" };
		List<ConfigurableApplicationContext> started = new ArrayList<>();
		try {
			for (Class<?> service : List.of(PolicyApplication.class, NotificationApplication.class,
					IntakeApplication.class)) {
				List<String> args = new ArrayList<>(List.of(common));
				if (service == IntakeApplication.class) {
					// the intake's readiness includes the policy's public health
					args.add("--POLITELY_POLICY_URL=http://localhost:"
							+ started.get(0).getEnvironment().getProperty("local.server.port"));
				}
				started.add(new SpringApplicationBuilder(service).run(args.toArray(String[]::new)));
			}
		}
		catch (RuntimeException failure) {
			started.forEach(ConfigurableApplicationContext::close);
			throw failure;
		}
		RunningPipeline pipeline = new RunningPipeline(started.get(0), started.get(1), started.get(2));
		HttpClient http = HttpClient.newHttpClient();
		await().atMost(Duration.ofSeconds(90))
			.until(() -> http
				.send(HttpRequest.newBuilder(URI.create(pipeline.intakeUrl() + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.ofString())
				.statusCode() == 200);
		return pipeline;
	}

	String intakeUrl() {
		return urlOf(this.intake);
	}

	/**
	 * The base URLs of the three services' public ports, in pipeline order: intake,
	 * policy, notification.
	 */
	List<String> serviceUrls() {
		return List.of(urlOf(this.intake), urlOf(this.policy), urlOf(this.notification));
	}

	/**
	 * The base URLs of the three services' management ports (metrics, health details), in
	 * pipeline order.
	 */
	List<String> managementUrls() {
		return List.of(managementUrlOf(this.intake), managementUrlOf(this.policy), managementUrlOf(this.notification));
	}

	private static String urlOf(ConfigurableApplicationContext service) {
		return "http://localhost:" + service.getEnvironment().getProperty("local.server.port");
	}

	private static String managementUrlOf(ConfigurableApplicationContext service) {
		return "http://localhost:" + service.getEnvironment().getProperty("local.management.port");
	}

	@Override
	public void close() {
		// the reverse of the start: the intake stops taking requests first
		for (ConfigurableApplicationContext service : List.of(this.intake, this.notification, this.policy)) {
			service.close();
		}
	}

}
