package dev.politely.intake.web;

import dev.politely.intake.solicitation.DeliveryFacts;
import dev.politely.intake.solicitation.SolicitationMetrics;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Counts each webhook delivery once its answer is known, whichever check answered it: the
 * controller leaves the delivery's facts on the request, this reads them with the final
 * status.
 */
class SolicitationCounting implements HandlerInterceptor {

	private static final String FACTS = SolicitationCounting.class.getName() + ".facts";

	private final SolicitationMetrics metrics;

	SolicitationCounting(SolicitationMetrics metrics) {
		this.metrics = metrics;
	}

	static DeliveryFacts start(HttpServletRequest request) {
		DeliveryFacts facts = new DeliveryFacts();
		request.setAttribute(FACTS, facts);
		return facts;
	}

	@Override
	public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (request.getAttribute(FACTS) instanceof DeliveryFacts facts) {
			this.metrics.count(facts, response.getStatus());
		}
	}

}
