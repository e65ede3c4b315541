package dev.politely.importer.webhook;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reading the intake's answers: its JSON bodies, and the reason an RFC 9457 problem
 * gives.
 */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static JsonNode parse(String body) {
		try {
			return MAPPER.readTree(body);
		}
		catch (JacksonException ex) {
			return MAPPER.missingNode();
		}
	}

	/**
	 * The problem's title and the failing fields it names, else the status alone.
	 */
	static String reason(HttpResponse<String> response) {
		JsonNode problem = parse(response.body());
		List<String> parts = new ArrayList<>();
		String title = problem.path("title").asString("");
		parts.add(response.statusCode() + (title.isEmpty() ? "" : " " + title));
		for (JsonNode error : problem.path("errors")) {
			parts.add(error.path("field").asString("") + ": " + error.path("message").asString(""));
		}
		return String.join("; ", parts);
	}

}
