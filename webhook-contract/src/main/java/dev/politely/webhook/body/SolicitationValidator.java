package dev.politely.webhook.body;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Draft202012;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns raw body bytes into a {@link Solicitation}, or refuses them with every violation
 * found: strict UTF-8, well-formed JSON without duplicate keys and within size limits, a
 * JSON object, valid against the contract's schema (formats asserted), no NUL in any text
 * or key, no CR or LF in the requester's name or email.
 */
public class SolicitationValidator {

	static final String SCHEMA = "contracts/solicitation.schema.json";

	// the contract's $id is relative: this base makes it absolute; nothing is ever
	// fetched from it
	private static final String SCHEMA_BASE = "https://politely.dev/" + SCHEMA;

	private static final List<String> LINE_FIELDS = List.of("name", "email");

	/**
	 * RFC 3339 with its offset, {@code T} and {@code Z} in either case as the RFC allows.
	 */
	static final DateTimeFormatter RFC_3339 = new DateTimeFormatterBuilder().parseCaseInsensitive()
		.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
		.toFormatter();

	private final JsonMapper mapper;

	private final Schema schema;

	public SolicitationValidator() {
		// far above what a valid solicitation needs, far below what would cost memory or
		// stack
		StreamReadConstraints limits = StreamReadConstraints.builder()
			.maxNestingDepth(32)
			.maxNumberLength(100)
			.maxStringLength(64 * 1024)
			.maxNameLength(1024)
			.build();
		this.mapper = JsonMapper
			.builder(JsonFactory.builder()
				.streamReadConstraints(limits)
				.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
				.build())
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.build();
		this.schema = loadSchema(this.mapper);
	}

	public Solicitation validate(byte[] body) {
		JsonNode document = parse(decodeUtf8(body));
		if (!document.isObject()) {
			throw invalid(Violation.ofBody("The body must be a JSON object, not " + describe(document)));
		}
		List<Violation> violations = new ArrayList<>();
		findNul(document, "", violations);
		this.schema.validate(document).stream().map(SolicitationValidator::toViolation).forEach(violations::add);
		JsonNode requester = document.path("requester");
		for (String field : LINE_FIELDS) {
			JsonNode value = requester.path(field);
			if (value.isString() && hasLineBreak(value.asString())) {
				violations.add(new Violation("requester." + field, "must not contain a line break (CR or LF)"));
			}
		}
		Instant receivedAt = null;
		if (violations.isEmpty() && document.hasNonNull("receivedAt")) {
			try {
				receivedAt = OffsetDateTime.parse(document.get("receivedAt").asString(), RFC_3339).toInstant();
			}
			catch (DateTimeParseException ex) {
				violations.add(new Violation("receivedAt", "must be an RFC 3339 date-time with an offset"));
			}
		}
		if (!violations.isEmpty()) {
			violations.sort(Comparator.comparing(Violation::field));
			throw new InvalidSolicitationException(violations.stream().distinct().toList());
		}
		return toSolicitation(document, receivedAt);
	}

	private static String decodeUtf8(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw invalid(Violation.ofBody("The body is not valid UTF-8"));
		}
	}

	private JsonNode parse(String text) {
		if (text.isBlank()) {
			throw invalid(Violation.ofBody("The body is empty"));
		}
		try {
			return this.mapper.readTree(text);
		}
		catch (JacksonException ex) {
			// the original message names the problem without echoing the source
			String where = (ex.getLocation() != null)
					? " (line " + ex.getLocation().getLineNr() + ", column " + ex.getLocation().getColumnNr() + ")"
					: "";
			throw invalid(Violation.ofBody("The body is not well-formed JSON: " + ex.getOriginalMessage() + where));
		}
	}

	private static boolean hasLoneSurrogate(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasLineBreak(String text) {
		return text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0;
	}

	/**
	 * The path of a child is only built for a violation or a container to descend into:
	 * most values are valid strings, and building every field's path was most of this
	 * walk's cost.
	 */
	private static void findNul(JsonNode node, String path, List<Violation> violations) {
		if (node.isString()) {
			checkText(node.asString(), path, violations);
		}
		else if (node.isObject()) {
			for (Map.Entry<String, JsonNode> property : node.properties()) {
				String key = property.getKey();
				JsonNode value = property.getValue();
				boolean nulInKey = key.indexOf('\0') >= 0;
				if (nulInKey || value.isContainer() || (value.isString() && !isCleanText(value.asString()))) {
					String child = (path.isEmpty() ? key : path + "." + key).replace("\0", "\\u0000");
					if (nulInKey) {
						violations.add(new Violation(child, "a key must not contain NUL"));
					}
					findNul(value, child, violations);
				}
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				findNul(node.get(i), path + "[" + i + "]", violations);
			}
		}
	}

	private static void checkText(String text, String path, List<Violation> violations) {
		if (text.indexOf('\0') >= 0) {
			violations.add(new Violation(path, "must not contain NUL"));
		}
		else if (hasLoneSurrogate(text)) {
			// legal JSON ("\ud800"), but not text: it cannot be written as UTF-8 into an
			// email
			violations.add(new Violation(path, "must be valid Unicode text (an unpaired surrogate escape)"));
		}
	}

	private static boolean isCleanText(String text) {
		return text.indexOf('\0') < 0 && !hasLoneSurrogate(text);
	}

	private static Violation toViolation(Error error) {
		NodePath location = error.getInstanceLocation();
		StringBuilder field = new StringBuilder();
		for (int i = 0; i < location.getNameCount(); i++) {
			Object element = location.getElement(i);
			if (element instanceof Integer index) {
				field.append('[').append(index).append(']');
			}
			else {
				field.append(field.isEmpty() ? "" : ".").append(element);
			}
		}
		if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
			field.append(field.isEmpty() ? "" : ".").append(error.getProperty());
		}
		String name = field.isEmpty() ? Violation.BODY : field.toString().replace("\0", "\\u0000");
		return new Violation(name, error.getMessage());
	}

	private static Solicitation toSolicitation(JsonNode document, Instant receivedAt) {
		JsonNode requester = document.path("requester");
		return new Solicitation(text(document, "kind"), text(document, "platform"), receivedAt,
				new Requester(text(requester, "name"), text(requester, "email"), text(requester, "profileUrl"),
						text(requester, "headline"), text(requester, "language"),
						integer(requester, "mutualConnections")),
				text(document, "message"), integer(document, "estimatedMinutes"),
				text(document.path("reply"), "callbackUrl"));
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isString() ? value.asString() : null;
	}

	private static Integer integer(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isNumber() ? value.asInt() : null;
	}

	private static String describe(JsonNode node) {
		return switch (node.getNodeType()) {
			case ARRAY -> "an array";
			case STRING -> "a string";
			case NUMBER -> "a number";
			case BOOLEAN -> "a boolean";
			case NULL -> "null";
			default -> node.getNodeType().name().toLowerCase();
		};
	}

	private static InvalidSolicitationException invalid(Violation violation) {
		return new InvalidSolicitationException(List.of(violation));
	}

	private static Schema loadSchema(JsonMapper mapper) {
		try (InputStream in = openSchema()) {
			SchemaRegistryConfig config = SchemaRegistryConfig.builder()
				.formatAssertionsEnabled(true)
				.pathType(PathType.JSON_POINTER)
				.build();
			// RFC 5321 syntax for "email", no list of top-level domains (contract section
			// 1)
			Dialect dialect = Dialect.builder(Draft202012.getInstance()).format(new MailboxFormat()).build();
			return SchemaRegistry.withDefaultDialect(dialect, (builder) -> builder.schemaRegistryConfig(config))
				.getSchema(SchemaLocation.of(SCHEMA_BASE), mapper.readTree(in));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The contract schema " + SCHEMA + " is not on the classpath", ex);
		}
	}

	private static InputStream openSchema() throws IOException {
		InputStream in = SolicitationValidator.class.getClassLoader().getResourceAsStream(SCHEMA);
		if (in == null) {
			throw new IOException(SCHEMA + " not found");
		}
		return in;
	}

}
