package dev.politely.notification.delivery;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.springframework.stereotype.Component;

/**
 * The outbox behind a Resilience4j retry (a few quick tries for a hiccup) and a circuit
 * breaker (while the server is down, calls fail at once instead of each waiting for a
 * connection timeout). Both are configured under
 * {@code resilience4j.retry.instances.smtp} and
 * {@code resilience4j.circuitbreaker.instances.smtp}. An open breaker is reported as
 * {@link SmtpUnavailableException}: the decision is retried later, never skipped.
 */
@Component
public class MailSender {

	private final SmtpOutbox outbox;

	private final Retry retry;

	private final CircuitBreaker breaker;

	/** The retry and the breaker named {@code smtp}. */
	MailSender(SmtpOutbox outbox, RetryRegistry retries, CircuitBreakerRegistry breakers) {
		this.outbox = outbox;
		this.retry = retries.retry("smtp");
		this.breaker = breakers.circuitBreaker("smtp");
	}

	/**
	 * @throws RecipientRejectedException when the server refuses the recipient for good
	 * @throws SmtpUnavailableException when the server is down, or was recently enough
	 * for the breaker to be open
	 */
	public void send(Delivery delivery) {
		try {
			Retry.decorateRunnable(retry, CircuitBreaker.decorateRunnable(breaker, () -> outbox.send(delivery))).run();
		}
		catch (CallNotPermittedException ex) {
			throw new SmtpUnavailableException("SMTP circuit breaker open, " + delivery.messageId() + " not sent", ex);
		}
	}

}
