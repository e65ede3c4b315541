package dev.politely.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the deployment under {@code deploy/} asks of the services: the dashboards of
 * {@code deploy/grafana/dashboards}, the Prometheus configuration and its alert rules,
 * and every PromQL query they hold.
 */
final class Observability {

	/** One PromQL query and where it is written, for the failure messages. */
	record Query(String where, String expression) {
	}

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private static final Pattern LABEL_VALUES = Pattern
		.compile("^\\s*label_values\\((.*),\\s*[a-zA-Z_]\\w*\\s*\\)\\s*$");

	private Observability() {
	}

	static Path deployDirectory() {
		// surefire runs in the module's directory; deploy/ is a sibling of the modules
		Path deploy = Path.of("").toAbsolutePath().resolveSibling("deploy");
		if (!Files.isDirectory(deploy)) {
			throw new IllegalStateException("no deploy directory at " + deploy);
		}
		return deploy;
	}

	static List<Path> dashboardFiles() {
		try (Stream<Path> files = Files.walk(deployDirectory().resolve("grafana/dashboards"))) {
			return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static JsonNode dashboard(Path file) {
		return JSON.readTree(file.toFile());
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> yaml(String relativePath) {
		try (InputStream in = Files.newInputStream(deployDirectory().resolve(relativePath))) {
			return (Map<String, Object>) new Yaml().load(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The panels of a dashboard, those inside collapsed rows included, rows themselves
	 * excluded.
	 */
	static List<JsonNode> panels(JsonNode dashboard) {
		List<JsonNode> panels = new ArrayList<>();
		collectPanels(dashboard.path("panels"), panels);
		return panels;
	}

	private static void collectPanels(JsonNode list, List<JsonNode> into) {
		for (JsonNode panel : list) {
			if ("row".equals(panel.path("type").asString())) {
				collectPanels(panel.path("panels"), into);
			}
			else {
				into.add(panel);
			}
		}
	}

	static List<Query> dashboardQueries() {
		List<Query> queries = new ArrayList<>();
		for (Path file : dashboardFiles()) {
			JsonNode dashboard = dashboard(file);
			for (JsonNode panel : panels(dashboard)) {
				for (JsonNode target : panel.path("targets")) {
					queries.add(new Query(file.getFileName() + " / " + panel.path("title").asString() + " / "
							+ target.path("refId").asString(), target.path("expr").asString()));
				}
			}
			for (JsonNode variable : dashboard.path("templating").path("list")) {
				if ("query".equals(variable.path("type").asString())) {
					JsonNode query = variable.path("query");
					String text = query.isObject() ? query.path("query").asString() : query.asString();
					Matcher labelValues = LABEL_VALUES.matcher(text);
					queries.add(new Query(file.getFileName() + " / variable " + variable.path("name").asString(),
							labelValues.matches() ? labelValues.group(1) : text));
				}
			}
		}
		return queries;
	}

	@SuppressWarnings("unchecked")
	static List<Query> alertQueries() {
		List<Query> queries = new ArrayList<>();
		for (Map<String, Object> group : (List<Map<String, Object>>) yaml("prometheus/alerts.yml").get("groups")) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				queries.add(new Query("alerts.yml / " + rule.get("alert"), String.valueOf(rule.get("expr"))));
			}
		}
		return queries;
	}

}
