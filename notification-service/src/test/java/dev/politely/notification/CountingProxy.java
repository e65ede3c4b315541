package dev.politely.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the test SMTP server that counts the connections it is asked
 * for, as the server would see them, and can drop them or refuse new ones to play an idle
 * timeout or an outage. Listens on a free port.
 */
public final class CountingProxy implements AutoCloseable {

	private final ServerSocket server;

	private final int targetPort;

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicBoolean down = new AtomicBoolean();

	private final Set<Socket> open = ConcurrentHashMap.newKeySet();

	public CountingProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "counting-proxy");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return server.getLocalPort();
	}

	/** Connections opened through the proxy so far, refused ones included. */
	public int connections() {
		return connections.get();
	}

	/** Closes every open connection, as a server does after an idle timeout. */
	public void dropAll() {
		open.forEach(CountingProxy::closeQuietly);
		open.clear();
	}

	/** While down, every connection is closed as soon as it is accepted. */
	public void down(boolean down) {
		this.down.set(down);
		if (down) {
			dropAll();
		}
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				connections.incrementAndGet();
				if (down.get()) {
					closeQuietly(client);
					continue;
				}
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
				// SMTP is a chatty protocol of small writes: without this, Nagle and
				// delayed ACKs add ~40 ms each
				client.setTcpNoDelay(true);
				upstream.setTcpNoDelay(true);
				open.add(client);
				open.add(upstream);
				pump(client, upstream);
				pump(upstream, client);
			}
			catch (IOException ex) {
				// closed, or the target refused: the client sees its connection end
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread thread = new Thread(() -> {
			byte[] buffer = new byte[8192];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int read;
				while ((read = in.read(buffer)) >= 0) {
					out.write(buffer, 0, read);
					out.flush();
				}
			}
			catch (IOException ex) {
				// one side went away
			}
			finally {
				closeQuietly(from);
				closeQuietly(to);
				open.remove(from);
				open.remove(to);
			}
		}, "counting-proxy-pump");
		thread.setDaemon(true);
		thread.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		}
		catch (IOException ex) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		server.close();
		dropAll();
	}

}
