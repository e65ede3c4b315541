package dev.politely.bench.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free TCP ports chosen at runtime, never handed out twice: a developer's local stack may
 * hold 8080, 9092, 3025.
 */
public final class Ports {

	private static final Set<Integer> GIVEN = new HashSet<>();

	private Ports() {
	}

	public static synchronized int free() {
		for (int attempt = 0; attempt < 50; attempt++) {
			try (ServerSocket socket = new ServerSocket(0)) {
				int port = socket.getLocalPort();
				if (GIVEN.add(port)) {
					return port;
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException("no free port", e);
			}
		}
		throw new IllegalStateException("no free port after 50 attempts");
	}

}
