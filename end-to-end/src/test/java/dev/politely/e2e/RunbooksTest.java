package dev.politely.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every alert links to its runbook: a {@code runbook_url} annotation that points at a
 * section of docs/operations.md named after the alert.
 */
class RunbooksTest {

	@Test
	@SuppressWarnings("unchecked")
	void everyAlertLinksToItsRunbook() throws IOException {
		Map<String, Object> rules = new Yaml()
			.load(Files.readString(Observability.deployDirectory().resolve("prometheus/alerts.yml")));
		String operations = Files.readString(DeploymentTest.ROOT.resolve("docs/operations.md"));
		List<Map<String, Object>> groups = (List<Map<String, Object>>) rules.get("groups");
		assertThat(groups).isNotEmpty();
		for (Map<String, Object> group : groups) {
			for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
				String alert = (String) rule.get("alert");
				Map<String, String> annotations = (Map<String, String>) rule.get("annotations");
				assertThat(annotations.get("runbook_url")).as(alert)
					.isEqualTo("docs/operations.md#" + alert.toLowerCase(Locale.ROOT));
				assertThat(operations).as("a runbook section for %s in docs/operations.md", alert)
					.containsPattern("(?m)^### " + alert + "$");
			}
		}
	}

}
