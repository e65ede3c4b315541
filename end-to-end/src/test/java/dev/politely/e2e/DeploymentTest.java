package dev.politely.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose deployment (docker compose up --build) holds together where CI has no
 * Docker to try it: the image recipe sees every module of the reactor, and compose mounts
 * the Prometheus and Grafana files that exist. {@code docker-compose config -q} in
 * .ci/run checks the file's syntax; this checks what it points to.
 */
class DeploymentTest {

	static final Path ROOT = Observability.deployDirectory().getParent();
	static final List<String> SERVICES = List.of("intake-service", "policy-service", "notification-service");

	@Test
	void theImageRecipeCopiesThePomOfEveryModuleAndTheSourcesOfWhatTheServicesNeed() throws IOException {
		String dockerfile = Files.readString(ROOT.resolve("deploy/Dockerfile"));
		Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
		List<String> modules = new ArrayList<>();
		while (module.find()) {
			modules.add(module.group(1));
		}
		assertThat(modules).contains("webhook-contract");
		for (String name : modules) {
			assertThat(dockerfile).as("deploy/Dockerfile copies %s/pom.xml", name)
				.containsPattern("(?m)^COPY " + Pattern.quote(name) + "/pom\\.xml " + Pattern.quote(name) + "/$");
		}
		for (String name : List.of("webhook-contract", "owner-profile", "intake-service", "policy-service",
				"notification-service")) {
			assertThat(dockerfile).as("deploy/Dockerfile copies %s/src", name)
				.containsPattern("(?m)^COPY " + Pattern.quote(name) + "/src " + Pattern.quote(name) + "/src$");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void composeRunsTheServicesWithHealthChecksMemoryLimitsProfilesAndTraceExport() throws IOException {
		Map<String, Map<String, Object>> services = composeServices();
		assertThat(services).containsKeys("kafka", "mailpit", "prometheus", "grafana", "jaeger");
		for (String name : SERVICES) {
			Map<String, Object> service = services.get(name);
			assertThat(service).as(name).containsKeys("healthcheck", "mem_limit", "build");
			assertThat((List<String>) service.get("volumes")).as(name)
				.contains("${POLITELY_PROFILES:-./profiles}:/profiles:ro")
				.noneMatch((mount) -> mount.contains("config/profiles"));
			Map<String, Object> kafka = (Map<String, Object>) ((Map<String, Object>) service.get("depends_on"))
				.get("kafka");
			assertThat(kafka).as(name).containsEntry("condition", "service_healthy");
			Map<String, Object> environment = (Map<String, Object>) service.get("environment");
			assertThat(environment).as(name)
				.containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT", "http://jaeger:4318/v1/traces");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void composeMountsPrometheusAndGrafanaFilesThatExist() throws IOException {
		Map<String, Map<String, Object>> services = composeServices();
		List<String> mounts = new ArrayList<>();
		mounts.addAll((List<String>) services.get("prometheus").get("volumes"));
		mounts.addAll((List<String>) services.get("grafana").get("volumes"));
		List<String> local = mounts.stream().filter(m -> m.startsWith("./")).map(m -> m.split(":")[0]).toList();
		assertThat(local).contains("./deploy/prometheus/prometheus.yml", "./deploy/prometheus/alerts.yml",
				"./deploy/grafana/provisioning", "./deploy/grafana/dashboards");
		for (String source : local) {
			assertThat(ROOT.resolve(source)).as(source).exists();
		}
		Map<String, Object> grafana = (Map<String, Object>) services.get("grafana").get("environment");
		assertThat(grafana).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "true")
			.containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Map<String, Object>> composeServices() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
		return (Map<String, Map<String, Object>>) compose.get("services");
	}

}
