package dev.politely.intake;

import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published event contracts, {@code contracts/events/*.schema.json}, formats
 * asserted.
 */
public final class EventSchema {

	private static final Schema SOLICITATION_RECEIVED = load("contracts/events/solicitation-received.v1.schema.json");

	private static final Schema VERDICT_RECORDED = load("contracts/events/verdict-recorded.v1.schema.json");

	private EventSchema() {
	}

	/**
	 * The violations of this JSON against the VerdictRecorded schema: empty when it
	 * matches.
	 */
	public static List<String> verdictRecordedViolations(byte[] json) {
		return VERDICT_RECORDED.validate(JsonMapper.shared().readTree(json)).stream().map(Error::toString).toList();
	}

	/**
	 * The violations of this JSON against the SolicitationReceived schema: empty when it
	 * matches.
	 */
	public static List<String> solicitationReceivedViolations(byte[] json) {
		return SOLICITATION_RECEIVED.validate(JsonMapper.shared().readTree(json))
			.stream()
			.map(Error::toString)
			.toList();
	}

	private static Schema load(String path) {
		SchemaRegistryConfig config = SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build();
		return SchemaRegistry
			.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, (builder) -> builder.schemaRegistryConfig(config))
			.getSchema(SchemaLocation.of("https://politely.dev/" + path),
					JsonMapper.shared().readTree(Fixtures.classpath(path)));
	}

}
