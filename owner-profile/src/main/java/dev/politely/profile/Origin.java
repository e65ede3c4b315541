package dev.politely.profile;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The origin of a web URL (RFC 6454): scheme, host and port, normalised so that
 * {@code http://H}, {@code http://h:80/} and {@code http://h/x} have the same origin.
 * Where a callback may go is decided by origin: the owner lists origins, never whole
 * URLs.
 *
 * @param scheme {@code http} or {@code https}, lower case
 * @param host the host, lower case (an IPv6 literal keeps its brackets)
 * @param port the port, the scheme's default made explicit
 */
public record Origin(String scheme, String host, int port) {

	/**
	 * The origin of an http(s) URL with a host, or empty for anything else (another
	 * scheme, no host, not a URL).
	 */
	public static Optional<Origin> ofUrl(String url) {
		if (url == null) {
			return Optional.empty();
		}
		try {
			return of(new URI(url.strip()));
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	/**
	 * An origin as the owner writes it in {@code callbackOrigins}:
	 * {@code scheme://host[:port]}, with at most a {@code /} after it; no path, query,
	 * fragment or user info, which an origin does not have.
	 */
	public static Optional<Origin> parse(String origin) {
		try {
			URI uri = new URI(origin.strip());
			boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
					&& uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
			return bare ? of(uri) : Optional.empty();
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	private static Optional<Origin> of(URI uri) {
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		int defaultPort = switch (scheme) {
			case "http" -> 80;
			case "https" -> 443;
			default -> -1;
		};
		if (defaultPort < 0 || uri.getHost() == null || uri.getHost().isEmpty()) {
			return Optional.empty();
		}
		int port = uri.getPort() == -1 ? defaultPort : uri.getPort();
		return Optional.of(new Origin(scheme, uri.getHost().toLowerCase(Locale.ROOT), port));
	}

	@Override
	public String toString() {
		return scheme + "://" + host + ":" + port;
	}

}
