package dev.politely.intake.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import dev.politely.intake.Fixtures;
import dev.politely.intake.WebhookSlice;
import dev.politely.support.ProfilesConfig;
import dev.politely.intake.Fixtures.Signed;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static dev.politely.intake.Fixtures.ALICE_SECRET;
import static dev.politely.intake.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Contract section 2 at the webhook: the intake reads profiles as the policy does, so it
 * never accepts a solicitation the policy cannot decide, and never lets one file take
 * over another owner. Section 1: a body's callback goes only where the owner allows.
 */
@WebMvcTest(SolicitationController.class)
@Import(WebhookSlice.class)
class ProfileRulesTest {

	private static final Path PROFILES = Fixtures.profilesDirectory();

	private static final String BOB_SECRET = "whsec_" + "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY";

	private static final String OTHER_SECRET = "whsec_" + "WVhXVlVUU1JRUE9OTUxLSklIR0ZFRENC";

	private static final byte[] BODY = Fixtures.example("connection-ghost.json");

	@Autowired
	MockMvc mvc;

	@Autowired
	ProfilesConfig profiles;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void profiles(DynamicPropertyRegistry registry) {
		registry.add("politely.profiles-dir", PROFILES::toString);
	}

	@Test
	void aFileThatNeverValidatedIsNoOwner() throws Exception {
		// the policy needs a timezone: without one, the intake must not take what the
		// policy would dead-letter
		write("nora.yml", Fixtures.profile("nora", BOB_SECRET).replace("timezone: UTC\n", ""));
		this.profiles.rescan();

		deliver("nora", BODY, Signed.now(BOB_SECRET, "msg_nora", BODY)).andExpect(status().isUnauthorized());
	}

	@Test
	void anInvalidEditKeepsTheLastValidSecret() throws Exception {
		write("bob.yml", Fixtures.profile("bob", BOB_SECRET));
		this.profiles.rescan();
		deliver("bob", BODY, Signed.now(BOB_SECRET, "msg_bob_1", BODY)).andExpect(status().isAccepted());

		write("bob.yml", Fixtures.profile("bob", OTHER_SECRET) + "language: de\n");
		this.profiles.rescan();

		deliver("bob", BODY, Signed.now(OTHER_SECRET, "msg_bob_2", BODY)).andExpect(status().isUnauthorized());
		deliver("bob", BODY, Signed.now(BOB_SECRET, "msg_bob_3", BODY)).andExpect(status().isAccepted());
		assertThat(this.meters.get("politely.profile.invalid").tag("owner", "bob").counter().count()).isOne();
	}

	@Test
	void aFileClaimingAnotherOwnersIdReplacesNothing() throws Exception {
		write("mallory.yml", Fixtures.profile("alice", OTHER_SECRET));
		this.profiles.rescan();

		deliver("alice", BODY, Signed.now(OTHER_SECRET, "msg_mallory_1", BODY)).andExpect(status().isUnauthorized());
		deliver("mallory", BODY, Signed.now(OTHER_SECRET, "msg_mallory_2", BODY)).andExpect(status().isUnauthorized());
		deliver("alice", BODY, Signed.now(ALICE_SECRET, "msg_mallory_3", BODY)).andExpect(status().isAccepted());
	}

	@Test
	void takesANewOwnersFirstSolicitationWithoutWaitingForTheRescan() throws Exception {
		write("carol.yml", Fixtures.profile("carol", BOB_SECRET));

		deliver("carol", BODY, Signed.now(BOB_SECRET, "msg_carol", BODY)).andExpect(status().isAccepted());
	}

	@Test
	void acceptsABodyCallbackOnAnOriginTheOwnerListed() throws Exception {
		byte[] body = withCallback("http://localhost:9999/replies");

		deliver("alice", body, Signed.now(ALICE_SECRET, "msg_callback_ok", body)).andExpect(status().isAccepted());
	}

	@Test
	void refusesABodyCallbackOnAnyOtherOriginNamingTheField() throws Exception {
		for (String url : List.of("http://localhost:9998/replies", "https://localhost:9999/replies",
				"http://169.254.169.254/latest/meta-data", "http://127.0.0.1:9999/replies")) {
			byte[] body = withCallback(url);
			String problem = deliver("alice", body, Signed.now(ALICE_SECRET, "msg_" + url.hashCode(), body))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(JsonPath.<List<String>>read(problem, "$.errors[*].field")).as(url)
				.containsExactly("reply.callbackUrl");
		}
	}

	private static byte[] withCallback(String url) {
		return utf8("""
				{"kind": "QUESTION", "platform": "linkedin", "requester": {"name": "Ada"},
				 "reply": {"callbackUrl": "%s"}}""".formatted(url));
	}

	private ResultActions deliver(String owner, byte[] body, Signed signed) throws Exception {
		return this.mvc.perform(signed.on(post("/v1/owners/" + owner + "/solicitations"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	private static void write(String name, String content) throws IOException {
		Files.writeString(PROFILES.resolve(name), content);
	}

}
