package dev.politely.notification.callback;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP exchange with a callback receiver, bounded as a whole. {@link HttpRequest}'s
 * timeout covers only the wait for the answer's headers: a receiver that sends them and
 * then trickles its body would hold the worker forever. Here the whole exchange, body
 * included, has one deadline; the body is read up to {@link #MAX_RESPONSE_BYTES} and
 * dropped (only the status and headers count), and on the deadline the exchange is
 * cancelled, which closes its connection.
 */
final class CallbackExchange {

	/** More of an answer's body than this is not even read. */
	static final int MAX_RESPONSE_BYTES = 64 * 1024;

	private final HttpClient http;

	private final Duration deadline;

	CallbackExchange(Duration connectTimeout, Duration deadline) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.deadline = deadline;
	}

	Duration deadline() {
		return this.deadline;
	}

	/**
	 * @return the answer, its body dropped
	 * @throws HttpTimeoutException when the answer, body included, took longer than the
	 * deadline
	 * @throws IOException when the connection failed
	 */
	HttpResponse<Void> send(HttpRequest request) throws IOException, InterruptedException {
		AtomicReference<DroppedBody> body = new AtomicReference<>();
		CompletableFuture<HttpResponse<Void>> answer = this.http.sendAsync(request, (info) -> {
			DroppedBody dropped = new DroppedBody();
			body.set(dropped);
			return dropped;
		});
		try {
			return answer.get(this.deadline.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			abandon(answer, body.get());
			throw new HttpTimeoutException("no complete answer within " + this.deadline);
		}
		catch (InterruptedException ex) {
			abandon(answer, body.get());
			throw ex;
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof IOException failure) {
				throw failure;
			}
			throw new IOException(ex.getCause());
		}
	}

	private static void abandon(CompletableFuture<?> answer, DroppedBody body) {
		if (body != null) {
			body.cancel();
		}
		answer.cancel(true);
	}

	/** Reads at most {@link #MAX_RESPONSE_BYTES}, keeps nothing. */
	private static final class DroppedBody implements BodySubscriber<Void> {

		private final CompletableFuture<Void> done = new CompletableFuture<>();

		private volatile Flow.Subscription subscription;

		private long received;

		@Override
		public CompletionStage<Void> getBody() {
			return this.done;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			subscription.request(Long.MAX_VALUE);
		}

		@Override
		public void onNext(List<ByteBuffer> buffers) {
			for (ByteBuffer buffer : buffers) {
				this.received += buffer.remaining();
			}
			if (this.received > MAX_RESPONSE_BYTES) {
				// the status is known: the rest is not worth a worker's time
				cancel();
				this.done.complete(null);
			}
		}

		@Override
		public void onError(Throwable failure) {
			this.done.completeExceptionally(failure);
		}

		@Override
		public void onComplete() {
			this.done.complete(null);
		}

		void cancel() {
			Flow.Subscription current = this.subscription;
			if (current != null) {
				current.cancel();
			}
		}

	}

}
