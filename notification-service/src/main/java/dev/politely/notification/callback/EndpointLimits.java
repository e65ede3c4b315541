package dev.politely.notification.callback;

import java.net.URI;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * At most {@code perEndpoint} attempts under way against one receiver (host and port), so
 * that a slow receiver holds a few workers, not all of them. An endpoint is one server
 * however its URLs spell it: {@code http://h/}, {@code http://h:80/} and
 * {@code http://H/} share their limit. Only the endpoints with an attempt under way are
 * kept: one that falls idle is forgotten, so the map does not grow with every receiver
 * ever called.
 */
final class EndpointLimits {

	private final int perEndpoint;

	/** Attempts under way, by endpoint; never zero (an idle endpoint is removed). */
	private final ConcurrentMap<String, Integer> busy = new ConcurrentHashMap<>();

	EndpointLimits(int perEndpoint) {
		this.perEndpoint = perEndpoint;
	}

	/**
	 * @return whether an attempt may start now against this endpoint
	 */
	boolean tryAcquire(String endpoint) {
		boolean[] acquired = new boolean[1];
		// compute: the check and the count under the map's lock for this key, so an
		// endpoint released and removed meanwhile is never counted twice
		this.busy.compute(endpoint, (key, count) -> {
			int current = (count != null) ? count : 0;
			if (current >= this.perEndpoint) {
				return count;
			}
			acquired[0] = true;
			return current + 1;
		});
		return acquired[0];
	}

	void release(String endpoint) {
		this.busy.computeIfPresent(endpoint, (key, count) -> (count <= 1) ? null : count - 1);
	}

	/** Endpoints with an attempt under way. */
	int size() {
		return this.busy.size();
	}

	/**
	 * The endpoint of a callback URL: its host in lower case without a trailing dot, and
	 * its port, the scheme's default made explicit. A URL that is not one is its own
	 * endpoint (the sender refuses it anyway).
	 */
	static String of(String url) {
		try {
			URI uri = URI.create(url);
			String host = uri.getHost();
			String scheme = uri.getScheme();
			if (host == null || scheme == null) {
				return url;
			}
			host = host.toLowerCase(Locale.ROOT);
			if (host.endsWith(".")) {
				host = host.substring(0, host.length() - 1);
			}
			int port = uri.getPort();
			if (port == -1) {
				port = scheme.equalsIgnoreCase("https") ? 443 : 80;
			}
			return host + ":" + port;
		}
		catch (IllegalArgumentException ex) {
			return url;
		}
	}

}
