package dev.politely.notification.callback;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import dev.politely.notification.TricklingServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class CallbackExchangeTest {

	@Test
	void givesUpAnAnswerWhoseBodyNeverEndsAtTheDeadlineAndClosesTheConnection() throws Exception {
		try (TricklingServer trickling = new TricklingServer()) {
			CallbackExchange exchange = new CallbackExchange(Duration.ofSeconds(1), Duration.ofMillis(500));
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + trickling.port() + "/"))
				.timeout(exchange.deadline())
				.POST(HttpRequest.BodyPublishers.ofString("{}"))
				.build();

			CompletableFuture<Throwable> attempt = CompletableFuture.supplyAsync(() -> {
				try {
					exchange.send(request);
					return null;
				}
				catch (Exception ex) {
					return ex;
				}
			});

			// without a deadline over the body this never completes: the headers came at
			// once
			await().atMost(Duration.ofSeconds(20)).until(attempt::isDone);
			assertThat(attempt.get()).isInstanceOf(HttpTimeoutException.class);
			await().atMost(Duration.ofSeconds(20)).until(() -> trickling.closedByClient() == 1);
		}
	}

}
