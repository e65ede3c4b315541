package dev.politely.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;

import dev.politely.notification.inbound.DecisionJson;
import dev.politely.notification.inbound.DecisionMade;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The DecisionMade fixtures of {@code src/test/resources/decisions/}, all valid against
 * the published schema.
 */
public final class Decisions {

	public static final List<String> FIXTURES = List.of("accept-connection", "accept-advice", "decline-ghost",
			"decline-private", "decline-barely-known", "review-weak-link", "hostile");

	private static final JsonMapper MAPPER = DecisionJson.mapper();

	private Decisions() {
	}

	/** A fresh, editable copy of a fixture. */
	public static ObjectNode fixture(String name) {
		try (InputStream in = Decisions.class.getResourceAsStream("/decisions/" + name + ".json")) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture " + name);
			}
			return (ObjectNode) MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A fixture with fresh decision and solicitation ids, so that each test's emails are
	 * its own.
	 */
	public static ObjectNode fresh(String name) {
		ObjectNode node = fixture(name);
		node.put("decisionId", UUID.randomUUID().toString());
		node.put("solicitationId", UUID.randomUUID().toString());
		return node;
	}

	public static DecisionMade read(JsonNode node) {
		return MAPPER.treeToValue(node, DecisionMade.class);
	}

	public static DecisionMade decision(String name) {
		return read(fixture(name));
	}

	public static String json(JsonNode node) {
		return MAPPER.writeValueAsString(node);
	}

	public static ObjectNode object(JsonNode node, String field) {
		return (ObjectNode) node.get(field);
	}

}
