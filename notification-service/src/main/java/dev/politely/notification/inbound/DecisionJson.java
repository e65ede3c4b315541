package dev.politely.notification.inbound;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How this service reads and writes DecisionMade JSON: a tolerant reader, fields it does
 * not know are skipped.
 */
public final class DecisionJson {

	private DecisionJson() {
	}

	public static JsonMapper mapper() {
		return JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
	}

}
