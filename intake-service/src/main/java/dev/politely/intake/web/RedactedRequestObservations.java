package dev.politely.intake.web;

import io.micrometer.common.KeyValue;

import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;

/**
 * The observation of every HTTP request, with a verdict link's token taken out: the
 * default records the full path as {@code http.url}, and a token in a trace (exported to
 * a tracing backend that more people read than the owner's mailbox) is a verdict anyone
 * could cast. The metrics already use the route ({@code /v1/verdicts/{token}}); the
 * traces now do too, whatever the request matched, a 404 included.
 */
@Component
class RedactedRequestObservations extends DefaultServerRequestObservationConvention {

	static final String VERDICTS = "/v1/verdicts/";

	private static final KeyValue REDACTED_URL = KeyValue.of("http.url", VERDICTS + "{token}");

	@Override
	protected KeyValue httpUrl(ServerRequestObservationContext context) {
		String uri = (context.getCarrier() != null) ? context.getCarrier().getRequestURI() : null;
		if (uri != null && uri.startsWith(VERDICTS)) {
			return REDACTED_URL;
		}
		return super.httpUrl(context);
	}

}
