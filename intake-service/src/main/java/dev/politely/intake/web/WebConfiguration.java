package dev.politely.intake.web;

import dev.politely.intake.solicitation.SolicitationMetrics;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Spring MVC wiring of the webhook: the counting of deliveries.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	private final SolicitationMetrics metrics;

	WebConfiguration(SolicitationMetrics metrics) {
		this.metrics = metrics;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new SolicitationCounting(this.metrics)).addPathPatterns("/v1/owners/*/solicitations");
	}

}
