package dev.politely.policy.peer;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.politely.webhook.signature.WebhookSignatureVerifier.Delivery;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Forwards an owner's signed request to the instance that holds the owner's partition
 * (the interactive queries of the dry run and the status API), and relays its answer,
 * whatever its status. The forwarded request is marked {@value #FORWARDED}: an instance
 * answers such a request itself, never forwarding it again, so that two instances that
 * disagree during a rebalance cannot bounce it between them.
 */
public final class PeerForwarding {

	/** The header that marks a forwarded request. */
	public static final String FORWARDED = "politely-forwarded";

	/** More than any answer of the dry run or the status API. */
	static final int MAX_ANSWER_BYTES = 64 * 1024;

	private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);

	/**
	 * The peer's headers that say something about its answer; the others (hop-by-hop:
	 * {@code Connection}, {@code Transfer-Encoding}, ...) belong to its connection, not
	 * to ours.
	 */
	private static final List<String> RELAYED_HEADERS = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.CACHE_CONTROL,
			HttpHeaders.RETRY_AFTER, HttpHeaders.WWW_AUTHENTICATE);

	private final RestClient client;

	/**
	 * @param readTimeout how long the peer may take to answer: bounded, so that a stuck
	 * peer costs the caller a 503, not a request thread held forever
	 */
	public PeerForwarding(Duration readTimeout) {
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build());
		requests.setReadTimeout(readTimeout);
		this.client = RestClient.builder().requestFactory(requests).build();
	}

	/**
	 * {@code GET path} on the peer, signed like {@code delivery} (whose body is empty).
	 * @return the peer's answer, or empty when it does not answer
	 */
	public Optional<ResponseEntity<byte[]>> get(String hostAndPort, String path, Delivery delivery) {
		return send(signed(this.client.get(), hostAndPort, path, delivery));
	}

	/**
	 * {@code POST path} on the peer, with the delivery's JSON body and signature.
	 * @return the peer's answer, or empty when it does not answer
	 */
	public Optional<ResponseEntity<byte[]>> postJson(String hostAndPort, String path, Delivery delivery) {
		return send(signed(this.client.post(), hostAndPort, path, delivery).contentType(MediaType.APPLICATION_JSON)
			.body(delivery.body()));
	}

	private static <S extends RestClient.RequestHeadersSpec<S>> S signed(RestClient.RequestHeadersUriSpec<S> method,
			String hostAndPort, String path, Delivery delivery) {
		return method.uri(URI.create("http://" + hostAndPort + path))
			.header("webhook-id", delivery.webhookId())
			.header("webhook-timestamp", delivery.timestamp())
			.header("webhook-signature", delivery.signatures())
			.header(FORWARDED, "1");
	}

	private static Optional<ResponseEntity<byte[]>> send(RestClient.RequestHeadersSpec<?> request) {
		try {
			return Optional.of(request.exchange((sent, response) -> relayed(response.getStatusCode(),
					response.getHeaders(), response.getBody().readNBytes(MAX_ANSWER_BYTES))));
		}
		catch (ResourceAccessException ex) {
			return Optional.empty();
		}
	}

	private static ResponseEntity<byte[]> relayed(HttpStatusCode status, HttpHeaders peer, byte[] body) {
		HttpHeaders headers = new HttpHeaders();
		for (String name : RELAYED_HEADERS) {
			List<String> values = peer.get(name);
			if (values != null) {
				headers.put(name, values);
			}
		}
		return ResponseEntity.status(status).headers(headers).body(body);
	}

}
