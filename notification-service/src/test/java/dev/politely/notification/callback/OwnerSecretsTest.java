package dev.politely.notification.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import dev.politely.webhook.signature.WebhookSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerSecretsTest {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	@TempDir
	Path profiles;

	@Test
	void readsEachOwnersSecretFromTheirProfileAndSkipsInvalidOnes() throws Exception {
		Files.writeString(profiles.resolve("alice.yml"),
				"owner: alice\ndisplayName: Alice\nwebhookSecret: " + SECRET + "\npurposes: [NETWORK]\n");
		Files.writeString(profiles.resolve("eve.yml"), "owner: eve\nwebhookSecret: not-a-secret\n");

		OwnerSecrets secrets = new OwnerSecrets(profiles, Duration.ofMinutes(5));

		assertThat(secrets.of("alice")).contains(WebhookSecret.parse(SECRET));
		assertThat(secrets.of("eve")).isEmpty();
		assertThat(secrets.of("nobody")).isEmpty();
	}

	@Test
	void seesANewSecretAfterTheRescanInterval() throws Exception {
		OwnerSecrets secrets = new OwnerSecrets(profiles, Duration.ZERO);
		assertThat(secrets.of("bob")).isEmpty();

		Files.writeString(profiles.resolve("bob.yml"), "owner: bob\nwebhookSecret: " + SECRET + "\n");

		assertThat(secrets.of("bob")).contains(WebhookSecret.parse(SECRET));
	}

}
