package dev.politely.intake.solicitation;

import dev.politely.webhook.body.SolicitationValidator;
import dev.politely.webhook.body.Solicitation;
import dev.politely.webhook.body.Requester;
import java.time.Instant;
import java.util.UUID;

import dev.politely.intake.EventSchema;
import dev.politely.intake.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the intake writes matches the published event contract: serialized the way the
 * producer does ({@code JacksonJsonSerializer}, as configured in
 * {@code intake-service.properties}).
 */
class SolicitationReceivedContractTest {

	private final JacksonJsonSerializer<SolicitationReceived> serializer = new JacksonJsonSerializer<>();

	@ParameterizedTest
	@ValueSource(strings = { "advice-within-budget.json", "connection-coherent.json", "connection-ghost.json",
			"private-platform.json", "recommendation-barely-known.json" })
	void everyContractExampleBecomesAValidEvent(String example) {
		byte[] json = serialize(received(Fixtures.example(example)));

		assertThat(EventSchema.solicitationReceivedViolations(json)).isEmpty();
	}

	@Test
	void writesEveryFieldUnderTheContractsNames() {
		SolicitationReceived event = received(Fixtures.example("advice-within-budget.json"));
		JsonNode json = JsonMapper.shared().readTree(serialize(event));

		assertThat(json.get("solicitationId").asString()).isEqualTo(event.solicitationId().toString());
		assertThat(json.get("ownerId").asString()).isEqualTo("alice");
		assertThat(json.get("webhookId").asString()).isEqualTo("msg_contract");
		assertThat(json.get("acceptedAt").asString()).isEqualTo("2026-11-24T08:06:00.123Z");
		assertThat(json.get("receivedAt").asString()).isEqualTo("2026-11-24T08:05:00Z");
		assertThat(json.get("kind").asString()).isEqualTo("ADVICE_REQUEST");
		assertThat(json.get("platform").asString()).isEqualTo("linkedin");
		assertThat(json.at("/requester/name").asString()).isEqualTo("Karim Haddad");
		assertThat(json.at("/requester/mutualConnections").asInt()).isEqualTo(2);
		assertThat(json.get("estimatedMinutes").asInt()).isEqualTo(20);
		assertThat(json.get("callbackUrl").asString()).isEqualTo("http://localhost:9999/replies");
	}

	@Test
	void theSchemaCatchesADriftingRecord() {
		// guards the guard: a record missing a required field does not pass
		byte[] json = serialize(new SolicitationReceived(UUID.randomUUID(), "alice", "msg", Instant.now(), null,
				"QUESTION", "linkedin", new Requester("Ada", null, null, null, null, null), null, null, null));

		assertThat(EventSchema.solicitationReceivedViolations(json)).isNotEmpty();
	}

	private static SolicitationReceived received(byte[] body) {
		Solicitation solicitation = new SolicitationValidator().validate(body);
		return SolicitationReceived.of(SolicitationIntake.solicitationId("alice", "msg_contract"), "alice",
				"msg_contract", Instant.parse("2026-11-24T08:06:00.123Z"), solicitation);
	}

	private byte[] serialize(SolicitationReceived event) {
		return this.serializer.serialize("politely.solicitations", event);
	}

}
