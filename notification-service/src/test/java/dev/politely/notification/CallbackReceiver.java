package dev.politely.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real callback receiver, the JDK's HTTP server on a free port: each path answers by a
 * script of its own, and every request is kept (headers, body, time) for the test to
 * check.
 */
public final class CallbackReceiver implements AutoCloseable {

	/** What the receiver got. */
	public record Request(String path, Map<String, String> headers, byte[] body, Instant at, int status) {
	}

	/**
	 * An answer: the status and, if any, a Retry-After; a script may also block before
	 * answering.
	 */
	public record Answer(int status, String retryAfter) {

		public static Answer of(int status) {
			return new Answer(status, null);
		}
	}

	private final HttpServer server;

	private final Map<String, Function<Integer, Answer>> scripts = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> arrivals = new ConcurrentHashMap<>();

	public CallbackReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
		server.setExecutor(Executors.newCachedThreadPool(runnable -> {
			Thread thread = new Thread(runnable, "callback-receiver");
			thread.setDaemon(true);
			return thread;
		}));
		server.createContext("/", this::handle);
		server.start();
	}

	/** Where this receiver listens, as an origin a profile can list. */
	public String origin() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	/** The answer of the n-th request (from 1) on this path. */
	public String script(String path, Function<Integer, Answer> script) {
		scripts.put(path, script);
		return origin() + path;
	}

	/** Requests that arrived on this path, answered or not yet. */
	public int arrivals(String path) {
		return arrivals.computeIfAbsent(path, p -> new AtomicInteger()).get();
	}

	/** Requests answered on this path. */
	public List<Request> requests(String path) {
		return requests.stream().filter(request -> request.path().equals(path)).toList();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		byte[] body = exchange.getRequestBody().readAllBytes();
		int number = arrivals.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
		Answer answer = scripts.getOrDefault(path, n -> Answer.of(404)).apply(number);
		Map<String, String> headers = new ConcurrentHashMap<>();
		exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
		requests.add(new Request(path, headers, body, Instant.now(), answer.status()));
		if (answer.retryAfter() != null) {
			exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
		}
		exchange.sendResponseHeaders(answer.status(), -1);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
