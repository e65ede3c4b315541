package dev.politely.policy.peer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import dev.politely.webhook.signature.WebhookSignatureVerifier.Delivery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

class PeerForwardingTest {

	private static final byte[] PROBLEM = "{\"status\":404}".getBytes(StandardCharsets.UTF_8);

	private final PeerForwarding forwarding = new PeerForwarding(Duration.ofSeconds(5));

	/** What the peer received: method, path, headers and body. */
	private final AtomicReference<Map<String, String>> received = new AtomicReference<>();

	private HttpServer peer;

	@BeforeEach
	void startPeer() throws IOException {
		this.peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.peer.createContext("/", (exchange) -> {
			var headers = exchange.getRequestHeaders();
			this.received.set(Map.of("method", exchange.getRequestMethod(), "path", exchange.getRequestURI().getPath(),
					"webhook-id", headers.getFirst("webhook-id"), "webhook-timestamp",
					headers.getFirst("webhook-timestamp"), "webhook-signature", headers.getFirst("webhook-signature"),
					"forwarded", String.valueOf(headers.getFirst(PeerForwarding.FORWARDED)), "content-type",
					String.valueOf(headers.getFirst("Content-Type")), "body",
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
			exchange.getResponseHeaders().add("Cache-Control", "no-store");
			exchange.getResponseHeaders().add("X-Peer-Only", "its own");
			exchange.sendResponseHeaders(404, PROBLEM.length);
			exchange.getResponseBody().write(PROBLEM);
			exchange.close();
		});
		this.peer.start();
	}

	@AfterEach
	void stopPeer() {
		this.peer.stop(0);
	}

	@Test
	void relaysThePeersAnswerWhateverItsStatusWithoutItsConnectionHeaders() {
		Optional<ResponseEntity<byte[]>> answer = this.forwarding.get(hostAndPort(), "/v1/owners/alice/solicitations/1",
				new Delivery("msg_1", "1796846236", "v1,c2lnbmF0dXJl", new byte[0]));

		assertThat(answer).hasValueSatisfying((relayed) -> {
			assertThat(relayed.getStatusCode().value()).isEqualTo(404);
			assertThat(relayed.getBody()).isEqualTo(PROBLEM);
			assertThat(relayed.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE)).isEqualTo("application/problem+json");
			assertThat(relayed.getHeaders().getFirst(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
			assertThat(relayed.getHeaders().containsHeader("X-Peer-Only")).isFalse();
		});
		assertThat(this.received.get()).containsEntry("method", "GET")
			.containsEntry("path", "/v1/owners/alice/solicitations/1")
			.containsEntry("webhook-id", "msg_1")
			.containsEntry("webhook-timestamp", "1796846236")
			.containsEntry("webhook-signature", "v1,c2lnbmF0dXJl")
			.containsEntry("forwarded", "1");
	}

	@Test
	void postsTheSignedJsonBody() {
		byte[] body = "{\"kind\":\"QUESTION\"}".getBytes(StandardCharsets.UTF_8);

		assertThat(this.forwarding.postJson(hostAndPort(), "/v1/owners/alice/policy/evaluate",
				new Delivery("msg_2", "1796846236", "v1,c2lnbmF0dXJl", body)))
			.isPresent();

		assertThat(this.received.get()).containsEntry("method", "POST")
			.containsEntry("path", "/v1/owners/alice/policy/evaluate")
			.containsEntry("content-type", "application/json")
			.containsEntry("body", "{\"kind\":\"QUESTION\"}")
			.containsEntry("webhook-id", "msg_2")
			.containsEntry("forwarded", "1");
	}

	@Test
	void givesNothingWhenThePeerDoesNotAnswer() throws IOException {
		int closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = socket.getLocalPort();
		}

		assertThat(this.forwarding.get("127.0.0.1:" + closed, "/v1/owners/alice/solicitations/1",
				new Delivery("msg_3", "1796846236", "v1,c2lnbmF0dXJl", new byte[0])))
			.isEmpty();
	}

	private String hostAndPort() {
		return "127.0.0.1:" + this.peer.getAddress().getPort();
	}

}
