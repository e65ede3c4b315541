package dev.politely.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free TCP ports, chosen at runtime and never handed out twice: other builds and a
 * developer's local stack (8080, 9092, 3025) share the machine.
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
