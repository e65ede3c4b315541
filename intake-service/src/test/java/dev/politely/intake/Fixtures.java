package dev.politely.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import dev.politely.webhook.signature.WebhookSecret;
import dev.politely.webhook.signature.WebhookSignatureVerifier;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.FileSystemUtils;

/**
 * Test fixtures: the contract's example profile (owner alice) and examples, and a sender
 * that signs deliveries.
 */
public final class Fixtures {

	/** The secret of the contract's example profile. */
	public static final String ALICE_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	/**
	 * The verdict key of the tests (src/test/resources/application.properties): what
	 * {@code POLITELY_VERDICT_KEY} holds.
	 */
	public static final String VERDICT_KEY = "test:dGVzdC1vbmx5LXZlcmRpY3Qta2V5LTMyLWJ5dGVzLWxvbmc=";

	private Fixtures() {
	}

	/**
	 * A fresh profiles directory holding the contract's example profile as
	 * {@code alice.yml}.
	 */
	public static Path profilesDirectory() {
		try {
			Path directory = Files.createTempDirectory("politely-profiles");
			Runtime.getRuntime()
				.addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(directory.toFile())));
			Files.write(directory.resolve("alice.yml"), classpath("profiles/alice.yml"));
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The smallest valid profile: the required keys of contract section 2. */
	public static String profile(String owner, String secret) {
		return "owner: " + owner + "\nemail: " + owner + "@example.com\ntimezone: UTC\nwebhookSecret: " + secret
				+ "\npurposes: [NETWORK, CONTRIBUTE]\n";
	}

	/** One of the contract's examples, byte for byte. */
	public static byte[] example(String name) {
		return classpath("contracts/examples/" + name);
	}

	public static byte[] classpath(String name) {
		try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalArgumentException(name + " is not on the test classpath");
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** The three Standard Webhooks headers of a delivery, as a sender computes them. */
	public record Signed(String webhookId, String timestamp, String signature) {

		static final String ID = "webhook-id";

		static final String TIMESTAMP = "webhook-timestamp";

		static final String SIGNATURE = "webhook-signature";

		public static Signed now(String secret, String webhookId, byte[] body) {
			return at(secret, webhookId, Instant.now(), body);
		}

		public static Signed at(String secret, String webhookId, Instant sentAt, byte[] body) {
			String timestamp = Long.toString(sentAt.getEpochSecond());
			return new Signed(webhookId, timestamp,
					WebhookSignatureVerifier.signature(WebhookSecret.parse(secret), webhookId, timestamp, body));
		}

		/** The request with the three headers, for MockMvc. */
		public MockHttpServletRequestBuilder on(MockHttpServletRequestBuilder request) {
			return request.header(ID, this.webhookId)
				.header(TIMESTAMP, this.timestamp)
				.header(SIGNATURE, this.signature);
		}

		/** The request with the three headers, for an HTTP client. */
		public HttpRequest.Builder on(HttpRequest.Builder request) {
			return request.header(ID, this.webhookId)
				.header(TIMESTAMP, this.timestamp)
				.header(SIGNATURE, this.signature);
		}

	}

}
