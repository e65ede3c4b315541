package dev.politely.notification.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.politely.notification.Decisions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * This service's records against the published contract,
 * {@code contracts/events/decision-made.v1.schema.json}: the fixtures the tests publish
 * are valid events, the records read only fields the schema defines, and a record cannot
 * be built without a field the schema requires.
 */
class DecisionMadeContractTest {

	private static final String SCHEMA = "/contracts/events/decision-made.v1.schema.json";

	static final List<String> FIXTURES = Decisions.FIXTURES;

	private static Schema schema;

	private static JsonNode schemaNode;

	@BeforeAll
	static void loadSchema() throws IOException {
		try (InputStream in = DecisionMadeContractTest.class.getResourceAsStream(SCHEMA)) {
			assertThat(in).as("the pom copies ../contracts into the test classpath").isNotNull();
			// the schema's $id is relative: give it an absolute base to resolve against
			schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
				.getSchema(SchemaLocation.of("https://politely.dev" + SCHEMA), in, InputFormat.JSON);
		}
		schemaNode = schema.getSchemaNode();
	}

	@ParameterizedTest
	@FieldSource("FIXTURES")
	void everyFixtureIsAValidEvent(String fixture) {
		ObjectNode event = Decisions.fixture(fixture);

		assertThat(validate(event)).isEmpty();
		assertThat(Decisions.read(event).decisionId()).hasToString(event.get("decisionId").asString());
	}

	@Test
	void theSchemaCatchesAnInvalidEvent() {
		ObjectNode event = Decisions.fixture("accept-connection");
		event.put("outcome", "MAYBE");
		event.put("decidedAt", "yesterday");
		event.remove("reply");

		assertThat(validate(event)).extracting(Error::getInstanceLocation)
			.extracting(Object::toString)
			.contains("/outcome", "/decidedAt");
		assertThat(validate(event)).extracting(Error::getMessage).anyMatch(message -> message.contains("reply"));
	}

	@Test
	void theRecordsReadOnlyFieldsTheSchemaDefines() {
		List<String> unknown = new ArrayList<>();
		collectUnknown(DecisionMade.class, schemaNode, "", unknown);

		assertThat(unknown).isEmpty();
	}

	static List<String> requiredFieldsTheRecordsRead() {
		List<String> paths = new ArrayList<>();
		collectRequired(DecisionMade.class, schemaNode, "", paths);
		return paths;
	}

	@ParameterizedTest
	@MethodSource("requiredFieldsTheRecordsRead")
	void anEventWithoutARequiredFieldCannotBeRead(String path) {
		ObjectNode event = Decisions.fixture("accept-connection");
		ObjectNode parent = event;
		String[] steps = path.split("\\.");
		for (int i = 0; i < steps.length - 1; i++) {
			parent = (ObjectNode) parent.get(steps[i]);
		}
		parent.remove(steps[steps.length - 1]);

		assertThat(validate(event)).isNotEmpty();
		assertThatException().isThrownBy(() -> Decisions.read(event));
	}

	private static List<Error> validate(JsonNode event) {
		return schema.validate(event.toString(), InputFormat.JSON,
				context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
	}

	private static void collectUnknown(Class<?> type, JsonNode schemaOfType, String prefix, List<String> unknown) {
		for (RecordComponent component : type.getRecordComponents()) {
			JsonNode property = schemaOfType.path("properties").path(component.getName());
			if (property.isMissingNode()) {
				unknown.add(prefix + component.getName());
			}
			else if (component.getType().isRecord()) {
				collectUnknown(component.getType(), property, prefix + component.getName() + ".", unknown);
			}
		}
	}

	private static void collectRequired(Class<?> type, JsonNode schemaOfType, String prefix, List<String> paths) {
		List<String> required = new ArrayList<>();
		schemaOfType.path("required").forEach(name -> required.add(name.asString()));
		for (RecordComponent component : type.getRecordComponents()) {
			if (required.contains(component.getName())) {
				paths.add(prefix + component.getName());
				if (component.getType().isRecord()) {
					collectRequired(component.getType(), schemaOfType.path("properties").path(component.getName()),
							prefix + component.getName() + ".", paths);
				}
			}
		}
	}

}
