package dev.politely.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards and Prometheus files of the compose deployment are what Grafana and
 * Prometheus load: dashboards as Grafana's JSON model (every panel drawn from the
 * provisioned Prometheus data source, by its uid), the scrape configuration and the alert
 * rules in their YAML shape. Whether the metrics they read exist is
 * {@link ExportedMetricsTest}'s job.
 */
class DashboardsTest {

	static final String DATA_SOURCE_UID = "prometheus";

	@Test
	void theOwnerAndOperationsDashboardsAreThere() {
		List<String> titles = Observability.dashboardFiles()
			.stream()
			.map(file -> Observability.dashboard(file).path("title").asString())
			.toList();
		assertThat(titles).contains("Politely — Owner", "Politely — Operations");
	}

	@Test
	void everyDashboardIsAGrafanaDashboard() {
		Set<String> uids = new HashSet<>();
		for (Path file : Observability.dashboardFiles()) {
			JsonNode dashboard = Observability.dashboard(file);
			String name = file.getFileName().toString();
			assertThat(dashboard.path("schemaVersion").isInt()).as("%s: schemaVersion", name).isTrue();
			assertThat(dashboard.path("schemaVersion").asInt()).as("%s: schemaVersion", name)
				.isGreaterThanOrEqualTo(36);
			assertThat(dashboard.path("uid").asString()).as("%s: uid", name).matches("[a-zA-Z0-9_-]{1,40}");
			assertThat(uids.add(dashboard.path("uid").asString())).as("%s: uid used twice", name).isTrue();
			assertThat(dashboard.path("title").asString()).as("%s: title", name).isNotBlank();
			assertThat(dashboard.path("panels").isArray()).as("%s: panels", name).isTrue();
			assertThat(panelProblems(name, dashboard)).isEmpty();
			assertThat(Observability.panels(dashboard)).as("%s: panels", name).isNotEmpty();
		}
	}

	@Test
	void theOwnerDashboardHasAnOwnerVariableItsPanelsFilterOn() {
		JsonNode owner = dashboardTitled("Politely — Owner");
		assertThat(owner.path("templating").path("list").valueStream().map(v -> v.path("name").asString()))
			.contains("owner");
		for (JsonNode panel : Observability.panels(owner)) {
			for (JsonNode target : panel.path("targets")) {
				assertThat(target.path("expr").asString()).as(panel.path("title").asString())
					.contains("owner=~\"$owner\"");
			}
		}
	}

	@Test
	void aPanelWithoutTargetsIsReported() {
		JsonNode broken = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(
					"""
							{"panels": [{"id": 1, "type": "row", "title": "A row", "gridPos": {"h": 1, "w": 24, "x": 0, "y": 0},
							  "panels": [{"id": 2, "type": "timeseries", "title": "Empty", "gridPos": {"h": 8, "w": 8, "x": 0, "y": 1},
							    "datasource": {"type": "prometheus", "uid": "prometheus"}, "targets": []}]}]}
							""");
		assertThat(panelProblems("broken.json", broken)).containsExactly("broken.json / Empty: no targets");
	}

	@Test
	@SuppressWarnings("unchecked")
	void prometheusScrapesTheThreeServices() {
		Map<String, Object> prometheus = Observability.yaml("prometheus/prometheus.yml");
		assertThat((List<String>) prometheus.get("rule_files")).containsExactly("/etc/prometheus/alerts.yml");
		List<String> targets = new ArrayList<>();
		for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
			assertThat(job.get("metrics_path")).as("job %s", job.get("job_name")).isEqualTo("/actuator/prometheus");
			for (Map<String, Object> config : (List<Map<String, Object>>) job.get("static_configs")) {
				targets.addAll((List<String>) config.get("targets"));
			}
		}
		// the management ports: metrics are never served on the public ones
		assertThat(targets).containsExactlyInAnyOrder("intake-service:9080", "policy-service:9081",
				"notification-service:9082");
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyAlertRuleHasANameAnExpressionASummaryAndADescription() {
		Map<String, Object> alerts = Observability.yaml("prometheus/alerts.yml");
		List<String> names = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) alerts.get("groups")) {
			assertThat((String) group.get("name")).isNotBlank();
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				String name = (String) rule.get("alert");
				assertThat(name).as("a rule of group %s without alert name", group.get("name")).isNotBlank();
				assertThat(String.valueOf(rule.get("expr"))).as(name).isNotBlank();
				Map<String, Object> annotations = (Map<String, Object>) rule.get("annotations");
				assertThat(annotations).as(name).isNotNull();
				assertThat((String) annotations.get("summary")).as("%s: summary", name).isNotBlank();
				assertThat((String) annotations.get("description")).as("%s: description", name).isNotBlank();
				names.add(name);
			}
		}
		assertThat(names).doesNotHaveDuplicates()
			.contains("PolitelyCircuitBreakerOpen", "PolitelyConsumerLagGrowing",
					"PolitelyNoDecisionsWhileSolicitationsArrive", "PolitelySolicitationDeadLetters",
					"PolitelyDecisionDeadLetters", "PolitelyCallbackDeadLetters");
	}

	/**
	 * What a panel lacks for Grafana to draw it from the provisioned Prometheus; rows are
	 * looked into.
	 */
	static List<String> panelProblems(String name, JsonNode dashboard) {
		List<String> problems = new ArrayList<>();
		Set<Integer> ids = new HashSet<>();
		collectProblems(name, dashboard.path("panels"), ids, problems);
		return problems;
	}

	private static void collectProblems(String name, JsonNode panels, Set<Integer> ids, List<String> problems) {
		for (JsonNode panel : panels) {
			String where = name + " / " + panel.path("title").asString("(untitled)");
			if (!panel.path("id").isInt() || !ids.add(panel.path("id").asInt())) {
				problems.add(where + ": no id, or an id used twice");
			}
			if (panel.path("type").asString().isBlank() || panel.path("title").asString().isBlank()) {
				problems.add(where + ": no type or title");
			}
			JsonNode grid = panel.path("gridPos");
			for (String field : List.of("h", "w", "x", "y")) {
				if (!grid.path(field).isInt()) {
					problems.add(where + ": gridPos." + field + " missing");
				}
			}
			if (grid.path("x").asInt() + grid.path("w").asInt() > 24) {
				problems.add(where + ": wider than the 24 columns of a dashboard");
			}
			if ("row".equals(panel.path("type").asString())) {
				collectProblems(name, panel.path("panels"), ids, problems);
				continue;
			}
			JsonNode dataSource = panel.path("datasource");
			if (!"prometheus".equals(dataSource.path("type").asString())
					|| !DATA_SOURCE_UID.equals(dataSource.path("uid").asString())) {
				problems.add(where + ": not drawn from the Prometheus data source of uid " + DATA_SOURCE_UID);
			}
			if (panel.path("targets").isEmpty()) {
				problems.add(where + ": no targets");
			}
			Set<String> refIds = new HashSet<>();
			for (JsonNode target : panel.path("targets")) {
				if (target.path("expr").asString().isBlank()) {
					problems.add(where + ": a target without expr");
				}
				if (target.path("refId").asString().isBlank() || !refIds.add(target.path("refId").asString())) {
					problems.add(where + ": a target without refId, or a refId used twice");
				}
			}
		}
	}

	private static JsonNode dashboardTitled(String title) {
		return Observability.dashboardFiles()
			.stream()
			.map(Observability::dashboard)
			.filter(d -> title.equals(d.path("title").asString()))
			.findFirst()
			.orElseThrow();
	}

}
