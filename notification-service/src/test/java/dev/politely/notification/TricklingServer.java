package dev.politely.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A receiver that answers {@code 200} and its headers at once, then trickles its
 * (chunked) body one byte every 100 ms, forever: the endpoint that held every callback
 * worker of the local stack. A real HTTP/1.1 server on a free loopback port.
 */
public final class TricklingServer implements AutoCloseable {

	private final ServerSocket server;

	private final ScheduledExecutorService trickle = Executors.newScheduledThreadPool(1, (runnable) -> {
		Thread thread = new Thread(runnable, "trickling-server");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Socket> open = new CopyOnWriteArrayList<>();

	private final AtomicInteger accepted = new AtomicInteger();

	private final AtomicInteger closedByClient = new AtomicInteger();

	public TricklingServer() throws IOException {
		this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::accept, "trickling-server-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return this.server.getLocalPort();
	}

	/** Connections accepted so far. */
	public int accepted() {
		return this.accepted.get();
	}

	/** Connections the client gave up (the next byte could not be written). */
	public int closedByClient() {
		return this.closedByClient.get();
	}

	private void accept() {
		while (!this.server.isClosed()) {
			try {
				Socket socket = this.server.accept();
				this.accepted.incrementAndGet();
				this.open.add(socket);
				this.trickle.execute(() -> answer(socket));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void answer(Socket socket) {
		try {
			OutputStream out = socket.getOutputStream();
			out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			this.trickle.schedule(() -> drip(socket, out), 100, TimeUnit.MILLISECONDS);
		}
		catch (IOException ex) {
			gaveUp(socket);
		}
	}

	private void drip(Socket socket, OutputStream out) {
		try {
			out.write("1\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			this.trickle.schedule(() -> drip(socket, out), 100, TimeUnit.MILLISECONDS);
		}
		catch (IOException ex) {
			gaveUp(socket);
		}
	}

	private void gaveUp(Socket socket) {
		this.closedByClient.incrementAndGet();
		this.open.remove(socket);
		try {
			socket.close();
		}
		catch (IOException ignored) {
			// closed already
		}
	}

	@Override
	public void close() throws IOException {
		this.trickle.shutdownNow();
		this.server.close();
		for (Socket socket : this.open) {
			socket.close();
		}
	}

}
