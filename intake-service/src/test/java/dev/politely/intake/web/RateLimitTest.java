package dev.politely.intake.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.politely.intake.Fixtures;
import dev.politely.intake.WebhookSlice;
import dev.politely.intake.Fixtures.Signed;
import dev.politely.intake.solicitation.RecordingPublisher;
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

import static dev.politely.intake.Fixtures.ALICE_SECRET;
import static dev.politely.intake.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The per-owner rate limit (contract section 1: 429 with Retry-After), with a small
 * limit: 3 deliveries an hour.
 */
@WebMvcTest(controllers = SolicitationController.class,
		properties = { "politely.intake.rate-limit.limit-for-period=3",
				"politely.intake.rate-limit.limit-refresh-period=1h" })
@Import(WebhookSlice.class)
class RateLimitTest {

	private static final String BOB_SECRET = "whsec_QUJDREVGR0hJSktMTU5PUFFSU1RVVldY";

	private static final Path PROFILES = withBob(Fixtures.profilesDirectory());

	@Autowired
	MockMvc mvc;

	@Autowired
	RecordingPublisher publisher;

	@DynamicPropertySource
	static void profiles(DynamicPropertyRegistry registry) {
		registry.add("politely.profiles-dir", PROFILES::toString);
	}

	@Test
	void refusesAnOwnerOverTheLimitWith429AndRetryAfterButNotTheOtherOwners() throws Exception {
		byte[] body = Fixtures.example("connection-ghost.json");
		// unsigned and badly signed deliveries do not spend alice's budget
		for (int i = 0; i < 10; i++) {
			deliver("alice", body, Signed.now(BOB_SECRET, "msg_forged_" + i, body))
				.andExpect(status().isUnauthorized());
		}
		// an invalid body, once signed, does
		byte[] invalid = utf8("{\"kind\": \"GOSSIP\"}");
		deliver("alice", invalid, Signed.now(ALICE_SECRET, "msg_invalid", invalid)).andExpect(status().isBadRequest());
		deliver("alice", body, Signed.now(ALICE_SECRET, "msg_1", body)).andExpect(status().isAccepted());
		deliver("alice", body, Signed.now(ALICE_SECRET, "msg_2", body)).andExpect(status().isAccepted());

		MvcResult refused = deliver("alice", body, Signed.now(ALICE_SECRET, "msg_3", body))
			.andExpect(status().isTooManyRequests())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://politely.dev/problems/rate-limited"))
			.andExpect(jsonPath("$.status").value(429))
			.andReturn();
		String retryAfter = refused.getResponse().getHeader(HttpHeaders.RETRY_AFTER);
		assertThat(retryAfter).matches("[0-9]+");
		// the next permission comes with the next hour
		assertThat(Long.parseLong(retryAfter)).isBetween(1L, 3600L);

		// still checked first: a forged delivery is told 401, not 429
		deliver("alice", body, Signed.now(BOB_SECRET, "msg_forged", body)).andExpect(status().isUnauthorized());
		// another owner has a budget of their own
		deliver("bob", body, Signed.now(BOB_SECRET, "msg_bob", body)).andExpect(status().isAccepted());

		assertThat(this.publisher.published()).extracting((written) -> written.webhookId())
			.containsExactly("msg_1", "msg_2", "msg_bob");
	}

	private static Path withBob(Path profiles) {
		try {
			Files.writeString(profiles.resolve("bob.yml"), Fixtures.profile("bob", BOB_SECRET));
			return profiles;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ResultActions deliver(String owner, byte[] body, Signed signed) throws Exception {
		return this.mvc.perform(signed.on(post("/v1/owners/" + owner + "/solicitations"))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

}
