package dev.politely.intake.web;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import dev.politely.intake.Fixtures;
import dev.politely.intake.WebhookSlice;
import dev.politely.intake.Fixtures.Signed;
import dev.politely.intake.solicitation.RecordingPublisher;
import dev.politely.intake.solicitation.SolicitationReceived;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static dev.politely.intake.Fixtures.ALICE_SECRET;
import static dev.politely.intake.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(SolicitationController.class)
@Import(WebhookSlice.class)
class SolicitationControllerTest {

	private static final Path PROFILES = Fixtures.profilesDirectory();

	private static final String URL = "/v1/owners/alice/solicitations";

	private static final MediaType PROBLEM = MediaType.APPLICATION_PROBLEM_JSON;

	@Autowired
	MockMvc mvc;

	@Autowired
	RecordingPublisher publisher;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void profiles(DynamicPropertyRegistry registry) {
		registry.add("politely.profiles-dir", PROFILES::toString);
	}

	@BeforeEach
	void reset() {
		this.publisher.reset();
	}

	@Test
	void acceptsASignedContractExampleAfterWritingIt() throws Exception {
		byte[] body = Fixtures.example("connection-coherent.json");
		String solicitationId = UUID.nameUUIDFromBytes(utf8("solicitation:alice:msg_accept")).toString();

		deliver(body, Signed.now(ALICE_SECRET, "msg_accept", body)).andExpect(status().isAccepted())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(header().string(HttpHeaders.LOCATION, "/v1/owners/alice/solicitations/" + solicitationId))
			.andExpect(jsonPath("$.solicitationId").value(solicitationId))
			.andExpect(jsonPath("$.status").value("RECEIVED"));

		assertThat(this.publisher.published()).singleElement().satisfies((written) -> {
			assertThat(written.solicitationId()).hasToString(solicitationId);
			assertThat(written.ownerId()).isEqualTo("alice");
			assertThat(written.webhookId()).isEqualTo("msg_accept");
			assertThat(written.kind()).isEqualTo("CONNECTION_REQUEST");
			assertThat(written.receivedAt()).isEqualTo(Instant.parse("2026-11-23T09:12:00Z"));
			assertThat(written.requester().mutualConnections()).isEqualTo(14);
		});
	}

	@Test
	void setsAMissingReceivedAtToTheTimeOfReceipt() throws Exception {
		byte[] body = Fixtures.example("connection-ghost.json");
		Instant before = Instant.now().minusMillis(1);

		deliver(body, Signed.now(ALICE_SECRET, "msg_no_received_at", body)).andExpect(status().isAccepted());

		SolicitationReceived written = this.publisher.published().get(0);
		assertThat(written.receivedAt()).isEqualTo(written.acceptedAt()).isBetween(before, Instant.now());
	}

	@Test
	void answersARedeliveryWithTheSameIdWithoutWritingAgain() throws Exception {
		byte[] body = Fixtures.example("advice-within-budget.json");
		String first = responseOf(
				deliver(body, Signed.now(ALICE_SECRET, "msg_twice", body)).andExpect(status().isAccepted()));

		// a redelivery is signed again, with a later timestamp
		String second = responseOf(
				deliver(body, Signed.at(ALICE_SECRET, "msg_twice", Instant.now().plusSeconds(30), body))
					.andExpect(status().isOk())
					.andExpect(header().string(HttpHeaders.LOCATION, startsWith(URL + "/")))
					.andExpect(jsonPath("$.status").value("RECEIVED")));

		assertThat(second).isEqualTo(first);
		assertThat(this.publisher.published()).hasSize(1);
	}

	@Test
	void givesDifferentWebhookIdsDifferentSolicitationIds() throws Exception {
		byte[] body = Fixtures.example("advice-within-budget.json");
		String first = responseOf(deliver(body, Signed.now(ALICE_SECRET, "msg_one", body)));
		String second = responseOf(deliver(body, Signed.now(ALICE_SECRET, "msg_two", body)));

		assertThat(first).isNotEqualTo(second);
		assertThat(this.publisher.published()).hasSize(2);
	}

	@Test
	void refusesMalformedJson() throws Exception {
		assertInvalid("{\"kind\": \"QUESTION\",", "(body)");
	}

	@Test
	void refusesDuplicateKeys() throws Exception {
		assertInvalid("""
				{"kind": "QUESTION", "platform": "linkedin", "platform": "xing", "requester": {"name": "Ada"}}""",
				"(body)");
	}

	@Test
	void listsEveryFieldThatViolatesTheSchema() throws Exception {
		assertInvalid("""
				{"kind": "GOSSIP", "platform": "linkedin", "receivedAt": "monday",
				 "requester": {"email": "nobody"}, "estimatedMinutes": 9000}""", "kind", "receivedAt", "requester.name",
				"requester.email", "estimatedMinutes");
	}

	@Test
	void refusesLineBreaksInTheRequestersNameOrEmail() throws Exception {
		assertInvalid("""
				{"kind": "QUESTION", "platform": "linkedin", "requester": {"name": "Ada\\nLovelace"}}""",
				"requester.name");
		assertInvalid("""
				{"kind": "QUESTION", "platform": "linkedin",
				 "requester": {"name": "Ada", "email": "ada@example.com\\r"}}""", "requester.email");
	}

	@Test
	void refusesNulAnywhere() throws Exception {
		assertInvalid("""
				{"kind": "QUESTION", "platform": "linkedin", "requester": {"name": "Ada"},
				 "unknown": {"list": ["\\u0000"]}}""", "unknown.list[0]");
		assertInvalid("""
				{"kind": "QUESTION", "platform": "linkedin", "requester": {"name": "Ada"}, "message": "hi\\u0000"}""",
				"message");
	}

	@Test
	void refusesABodyThatIsNotAnObject() throws Exception {
		assertInvalid("[{\"kind\": \"QUESTION\"}]", "(body)");
		assertInvalid("\"QUESTION\"", "(body)");
	}

	@Test
	void refusesInvalidUtf8() throws Exception {
		byte[] body = { '{', '"', 'k', (byte) 0xFF, '"', ':', '1', '}' };
		deliver(body, Signed.now(ALICE_SECRET, "msg_utf8", body)).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].message").value("The body is not valid UTF-8"));
	}

	@Test
	void refusesMissingSignatureHeaders() throws Exception {
		byte[] body = Fixtures.example("connection-ghost.json");
		Signed signed = Signed.now(ALICE_SECRET, "msg_headers", body);

		assertUnauthenticated(this.mvc.perform(json(post(URL), body)));
		assertUnauthenticated(this.mvc.perform(json(post(URL), body).header("webhook-id", signed.webhookId())
			.header("webhook-timestamp", signed.timestamp())));
		assertUnauthenticated(this.mvc.perform(json(post(URL), body).header("webhook-id", signed.webhookId())
			.header("webhook-signature", signed.signature())));
		assertUnauthenticated(this.mvc.perform(json(post(URL), body).header("webhook-timestamp", signed.timestamp())
			.header("webhook-signature", signed.signature())));
	}

	@Test
	void refusesABadSignature() throws Exception {
		byte[] body = Fixtures.example("connection-ghost.json");
		Signed signed = Signed.now("whsec_QUJDREVGR0hJSktMTU5PUFFSU1RVVldY", "msg_bad", body);

		assertUnauthenticated(deliver(body, signed));
	}

	@Test
	void refusesAStaleOrFutureTimestamp() throws Exception {
		byte[] body = Fixtures.example("connection-ghost.json");
		Duration sixMinutes = Duration.ofMinutes(6);

		assertUnauthenticated(deliver(body, Signed.at(ALICE_SECRET, "msg_old", Instant.now().minus(sixMinutes), body)));
		assertUnauthenticated(deliver(body, Signed.at(ALICE_SECRET, "msg_new", Instant.now().plus(sixMinutes), body)));
		deliver(body, Signed.at(ALICE_SECRET, "msg_recent", Instant.now().minus(Duration.ofMinutes(4)), body))
			.andExpect(status().isAccepted());
	}

	@Test
	void refusesAnUnknownOwnerExactlyLikeABadSignature() throws Exception {
		byte[] body = Fixtures.example("connection-ghost.json");
		Signed signed = Signed.now(ALICE_SECRET, "msg_who", body);
		String unknownOwner = responseOf(deliver("/v1/owners/mallory/solicitations", body, signed));
		String badSignature = responseOf(deliver(body,
				new Signed("msg_who", signed.timestamp(), "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")));

		assertThat(unknownOwner.replace("mallory", "alice")).isEqualTo(badSignature);
		assertUnauthenticated(deliver("/v1/owners/mallory/solicitations", body, signed));
		assertUnauthenticated(deliver("/v1/owners/..%2Falice/solicitations", body, signed));
		assertUnauthenticated(deliver("/v1/owners/.alice/solicitations", body, signed));
	}

	@Test
	void acceptsWhenTheSecondOfSeveralSignaturesIsValid() throws Exception {
		byte[] body = Fixtures.example("connection-ghost.json");
		Signed valid = Signed.now(ALICE_SECRET, "msg_rotation", body);
		Signed oldSecret = Signed.now("whsec_QUJDREVGR0hJSktMTU5PUFFSU1RVVldY", "msg_rotation", body);

		deliver(body,
				new Signed(valid.webhookId(), valid.timestamp(),
						oldSecret.signature() + " " + valid.signature() + " v2,whatever"))
			.andExpect(status().isAccepted());
	}

	@Test
	void verifiesTheRawBytesNotTheirMeaning() throws Exception {
		byte[] signedBody = utf8("{\"kind\":\"QUESTION\",\"platform\":\"linkedin\",\"requester\":{\"name\":\"Ada\"}}");
		byte[] sameJsonOtherSpacing = utf8(
				"{\"kind\": \"QUESTION\", \"platform\": \"linkedin\", \"requester\": {\"name\": \"Ada\"}}");
		Signed signed = Signed.now(ALICE_SECRET, "msg_raw", signedBody);

		assertUnauthenticated(deliver(sameJsonOtherSpacing, signed));
		deliver(signedBody, signed).andExpect(status().isAccepted());
	}

	@Test
	void refusesABodyOver64KiB() throws Exception {
		byte[] body = tooLarge();

		deliver(body, Signed.now(ALICE_SECRET, "msg_large", body)).andExpect(status().isContentTooLarge())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM))
			.andExpect(jsonPath("$.type").value("https://politely.dev/problems/payload-too-large"))
			.andExpect(jsonPath("$.status").value(413));
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void acceptsABodyOfExactly64KiB() throws Exception {
		String start = "{\"kind\":\"QUESTION\",\"platform\":\"linkedin\",\"requester\":{\"name\":\"Ada\"},\"pad\":\"";
		byte[] body = utf8(start + "x".repeat(65536 - start.length() - 2) + "\"}");
		assertThat(body).hasSize(65536);

		deliver(body, Signed.now(ALICE_SECRET, "msg_limit", body)).andExpect(status().isAccepted());
	}

	@Test
	void checksTheSizeBeforeTheSignature() throws Exception {
		byte[] body = tooLarge();

		this.mvc.perform(json(post(URL), body)).andExpect(status().isContentTooLarge());
	}

	@Test
	void refusesAContentTypeThatIsNotJson() throws Exception {
		byte[] body = Fixtures.example("connection-ghost.json");
		Signed signed = Signed.now(ALICE_SECRET, "msg_text", body);

		for (String contentType : new String[] { "text/plain", "application/xml",
				"application/json; charset=ISO-8859-1", "not a type" }) {
			this.mvc.perform(signed.on(post(URL)).contentType(contentType).content(body))
				.andExpect(status().isUnsupportedMediaType())
				.andExpect(content().contentTypeCompatibleWith(PROBLEM))
				.andExpect(jsonPath("$.type").value("https://politely.dev/problems/unsupported-media-type"));
		}
		this.mvc.perform(signed.on(post(URL)).content(body)).andExpect(status().isUnsupportedMediaType());
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void acceptsJsonWithACharsetOrAJsonSuffix() throws Exception {
		byte[] body = Fixtures.example("connection-ghost.json");

		this.mvc
			.perform(Signed.now(ALICE_SECRET, "msg_charset", body)
				.on(post(URL))
				.contentType("application/json; charset=utf-8")
				.content(body))
			.andExpect(status().isAccepted());
		this.mvc
			.perform(Signed.now(ALICE_SECRET, "msg_suffix", body)
				.on(post(URL))
				.contentType("application/solicitation+json")
				.content(body))
			.andExpect(status().isAccepted());
	}

	@Test
	void asksTheCallerToRetryWhenTheWriteFails() throws Exception {
		byte[] body = Fixtures.example("connection-ghost.json");
		this.publisher.makeUnavailable();

		deliver(body, Signed.now(ALICE_SECRET, "msg_down", body)).andExpect(status().isServiceUnavailable())
			.andExpect(header().string(HttpHeaders.RETRY_AFTER, "5"))
			.andExpect(jsonPath("$.type").value("https://politely.dev/problems/solicitation-not-stored"));

		// not remembered as written: the retry is written
		this.publisher.reset();
		deliver(body, Signed.now(ALICE_SECRET, "msg_down", body)).andExpect(status().isAccepted());
	}

	@Test
	void answersUnknownPathsAndMethodsWithProblemDetails() throws Exception {
		assertNoStackTrace(this.mvc.perform(get(URL))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM))
			.andExpect(jsonPath("$.type").value("https://politely.dev/problems/method-not-allowed")));
		assertNoStackTrace(this.mvc.perform(get("/v1/nowhere"))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM))
			.andExpect(jsonPath("$.type").value("https://politely.dev/problems/not-found")));
	}

	private void assertInvalid(String json, String... fields) throws Exception {
		byte[] body = utf8(json);
		ResultActions result = deliver(body, Signed.now(ALICE_SECRET, "msg_" + UUID.randomUUID(), body))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM))
			.andExpect(jsonPath("$.type").value("https://politely.dev/problems/invalid-solicitation"))
			.andExpect(jsonPath("$.title").value("Invalid solicitation"))
			.andExpect(jsonPath("$.status").value(400))
			.andExpect(jsonPath("$.detail").isNotEmpty())
			.andExpect(jsonPath("$.instance").value(URL));
		assertNoStackTrace(result);
		String problem = responseOf(result);
		List<String> reported = JsonPath.read(problem, "$.errors[*].field");
		List<String> messages = JsonPath.read(problem, "$.errors[*].message");
		assertThat(reported).as(problem).containsOnly(fields).contains(fields);
		assertThat(messages).allSatisfy((message) -> assertThat(message).isNotBlank());
		assertThat(this.publisher.published()).isEmpty();
	}

	private void assertUnauthenticated(ResultActions result) throws Exception {
		assertNoStackTrace(result.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(PROBLEM))
			.andExpect(jsonPath("$.type").value("https://politely.dev/problems/invalid-signature"))
			.andExpect(jsonPath("$.status").value(401))
			.andExpect(jsonPath("$.errors").doesNotExist()));
		assertThat(this.publisher.published()).isEmpty();
	}

	@Test
	void countsEveryDeliveryByOwnerKindPlatformAndAnswer() throws Exception {
		byte[] ghost = Fixtures.example("connection-ghost.json");
		byte[] invalid = utf8("{\"kind\": \"GOSSIP\", \"platform\": \"linkedin\"}");
		double accepted = received("alice", "CONNECTION_REQUEST", "linkedin", "2xx", "202");
		double refused = received("alice", "invalid", "unknown", "4xx", "400");
		double unknownOwner = received("unknown", "invalid", "unknown", "4xx", "401");
		double notStored = received("alice", "CONNECTION_REQUEST", "linkedin", "5xx", "503");

		deliver(ghost, Signed.now(ALICE_SECRET, "msg_count_1", ghost)).andExpect(status().isAccepted());
		deliver(ghost, Signed.now(ALICE_SECRET, "msg_count_2", ghost)).andExpect(status().isAccepted());
		deliver(invalid, Signed.now(ALICE_SECRET, "msg_count_3", invalid)).andExpect(status().isBadRequest());
		deliver("/v1/owners/mallory/solicitations", ghost, Signed.now(ALICE_SECRET, "msg_count_4", ghost))
			.andExpect(status().isUnauthorized());
		this.publisher.makeUnavailable();
		deliver(ghost, Signed.now(ALICE_SECRET, "msg_count_5", ghost)).andExpect(status().isServiceUnavailable());

		// "LinkedIn" in the body: platforms are counted lower-cased
		assertThat(received("alice", "CONNECTION_REQUEST", "linkedin", "2xx", "202")).isEqualTo(accepted + 2);
		assertThat(received("alice", "invalid", "unknown", "4xx", "400")).isEqualTo(refused + 1);
		assertThat(received("unknown", "invalid", "unknown", "4xx", "401")).isEqualTo(unknownOwner + 1);
		assertThat(received("alice", "CONNECTION_REQUEST", "linkedin", "5xx", "503")).isEqualTo(notStored + 1);
		assertThat(this.meters.find("politely.solicitations.received").counters())
			.flatExtracting((counter) -> counter.getId().getTags())
			.extracting(Tag::getValue)
			.noneMatch((value) -> value.contains("Max") || value.contains("@") || value.contains("mallory"));
	}

	private double received(String owner, String kind, String platform, String status, String statusCode) {
		Counter counter = this.meters.find("politely.solicitations.received")
			.tags("owner", owner, "kind", kind, "platform", platform, "status", status, "status_code", statusCode)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static void assertNoStackTrace(ResultActions result) throws Exception {
		String body = result.andReturn().getResponse().getContentAsString();
		assertThat(body).doesNotContain("Exception", "\tat ", "at dev.politely", "trace", ".java:");
	}

	private ResultActions deliver(byte[] body, Signed signed) throws Exception {
		return deliver(URL, body, signed);
	}

	private ResultActions deliver(String url, byte[] body, Signed signed) throws Exception {
		return this.mvc.perform(json(signed.on(post(url)), body));
	}

	private static String responseOf(ResultActions result) throws Exception {
		MvcResult mvcResult = result.andReturn();
		return mvcResult.getResponse().getContentAsString();
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, byte[] body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static byte[] tooLarge() {
		byte[] body = new byte[65537];
		Arrays.fill(body, (byte) ' ');
		System.arraycopy(utf8("{}"), 0, body, 0, 2);
		return body;
	}

}
