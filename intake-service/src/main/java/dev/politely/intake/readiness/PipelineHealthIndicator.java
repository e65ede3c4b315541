package dev.politely.intake.readiness;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import dev.politely.intake.config.IntakeProperties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.common.GroupState;
import org.apache.kafka.common.KafkaFuture;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code pipeline}: UP only when the broker answers and every consumer group of
 * {@code politely.readiness.consumer-groups} is STABLE with at least one member, that is
 * when a solicitation sent now will be decided and mailed, and the policy's public health
 * ({@code politely.readiness.policy-url}{@code /actuator/health}, its status only) says
 * UP, that is when its dry run and status queries answer. Answers are reused for
 * {@code politely.readiness.cache-for}, so that frequent health checks cost the broker
 * nothing.
 */
@Component
class PipelineHealthIndicator implements HealthIndicator, DisposableBean {

	private final Admin admin;

	private final List<String> consumerGroups;

	private final Duration timeout;

	private final Duration cacheFor;

	private final Clock clock;

	private final URI policyHealth;

	private final HttpClient http;

	private Health last;

	private Instant lastAt = Instant.MIN;

	PipelineHealthIndicator(KafkaAdmin kafkaAdmin, IntakeProperties properties, Clock clock) {
		IntakeProperties.Readiness readiness = properties.readiness();
		this.consumerGroups = List.copyOf(readiness.consumerGroups());
		this.timeout = readiness.timeout();
		this.cacheFor = readiness.cacheFor();
		this.clock = clock;
		String policy = readiness.policyUrl() == null ? "" : readiness.policyUrl().strip();
		this.policyHealth = policy.isEmpty() ? null : URI
			.create((policy.endsWith("/") ? policy.substring(0, policy.length() - 1) : policy) + "/actuator/health");
		this.http = HttpClient.newBuilder().connectTimeout(this.timeout).build();
		Map<String, Object> config = new LinkedHashMap<>(kafkaAdmin.getConfigurationProperties());
		int millis = (int) this.timeout.toMillis();
		config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, millis);
		config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
		config.putIfAbsent(AdminClientConfig.CLIENT_ID_CONFIG, "politely-intake-readiness");
		this.admin = Admin.create(config);
	}

	@Override
	public synchronized Health health() {
		Instant now = this.clock.instant();
		if (this.last == null || !now.isBefore(this.lastAt.plus(this.cacheFor))) {
			this.last = check();
			this.lastAt = now;
		}
		return this.last;
	}

	private Health check() {
		int millis = (int) this.timeout.toMillis();
		Health.Builder health = Health.up();
		try {
			DescribeClusterResult cluster = this.admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis));
			health.withDetail("clusterId", await(cluster.clusterId()))
				.withDetail("brokers", await(cluster.nodes()).size());
		}
		catch (ExecutionException | TimeoutException ex) {
			return Health.down().withDetail("broker", "not answering: " + rootMessage(ex)).build();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return Health.down().withDetail("broker", "interrupted").build();
		}
		if (this.policyHealth != null) {
			String policy = policyStatus();
			health.withDetail("policy", policy);
			if (!"UP".equals(policy)) {
				return Health.down().withDetail("policy", policy).build();
			}
		}
		if (this.consumerGroups.isEmpty()) {
			return health.build();
		}
		Map<String, KafkaFuture<ConsumerGroupDescription>> groups = this.admin
			.describeConsumerGroups(this.consumerGroups, new DescribeConsumerGroupsOptions().timeoutMs(millis))
			.describedGroups();
		Map<String, String> states = new LinkedHashMap<>();
		boolean ready = true;
		for (String group : this.consumerGroups) {
			String state;
			try {
				ConsumerGroupDescription description = await(groups.get(group));
				int members = description.members().size();
				ready &= description.groupState() == GroupState.STABLE && members > 0;
				state = description.groupState().name() + ", " + members + " member(s)";
			}
			catch (ExecutionException | TimeoutException ex) {
				ready = false;
				state = "unknown: " + rootMessage(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				ready = false;
				state = "interrupted";
			}
			states.put(group, state);
		}
		return (ready ? health : Health.down()).withDetail("consumerGroups", states).build();
	}

	/** The policy's health status, or why it could not be read. */
	private String policyStatus() {
		try {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(this.policyHealth).timeout(this.timeout).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			String status = JsonMapper.shared().readTree(response.body()).path("status").asString("");
			return status.isEmpty() ? "no status (HTTP " + response.statusCode() + ")" : status;
		}
		catch (IOException | JacksonException ex) {
			return "not answering: " + rootMessage(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private <T> T await(KafkaFuture<T> future) throws ExecutionException, TimeoutException, InterruptedException {
		return future.get(this.timeout.toMillis() + 500, TimeUnit.MILLISECONDS);
	}

	private static String rootMessage(Throwable ex) {
		Throwable cause = (ex instanceof ExecutionException && ex.getCause() != null) ? ex.getCause() : ex;
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? " (" + cause.getMessage() + ")" : "");
	}

	@Override
	public void destroy() {
		this.admin.close(Duration.ofSeconds(2));
	}

}
