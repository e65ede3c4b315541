package dev.politely.harness;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One keep-alive HTTP/1.1 connection over a plain socket, one request at a time: as lean
 * as wrk's, so that the load generator takes as little as possible of the two cores from
 * what it measures. Reads the status, the headers it needs (Content-Length, chunked,
 * Connection: close, Retry-After) and the body; reconnects when the server closed.
 */
public final class HttpConnection implements AutoCloseable {

	private final String host;

	private final int port;

	private Socket socket;

	private OutputStream out;

	private InputStream in;

	private byte[] body = new byte[4096];

	private int bodyLength;

	private String retryAfter;

	public HttpConnection(String host, int port) {
		this.host = host;
		this.port = port;
	}

	/** Sends one request and reads its response; returns the status code. */
	public int exchange(byte[] request) throws IOException {
		if (socket == null) {
			connect();
		}
		try {
			out.write(request);
			out.flush();
			return readResponse();
		}
		catch (IOException e) {
			close();
			throw e;
		}
	}

	public String host() {
		return host;
	}

	/** The Retry-After header of the last response, or null. */
	public String retryAfter() {
		return retryAfter;
	}

	/** The body of the last response, as text. */
	public String body() {
		return new String(body, 0, bodyLength, StandardCharsets.UTF_8);
	}

	private void connect() throws IOException {
		socket = new Socket();
		socket.setTcpNoDelay(true);
		socket.setSoTimeout(30_000);
		socket.connect(new InetSocketAddress(host, port), 5_000);
		out = socket.getOutputStream();
		in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
	}

	private int readResponse() throws IOException {
		String statusLine = line();
		int status = Integer.parseInt(statusLine.substring(9, 12));
		int contentLength = -1;
		boolean chunked = false;
		boolean closing = false;
		retryAfter = null;
		for (String header = line(); !header.isEmpty(); header = line()) {
			int colon = header.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = header.substring(0, colon).trim();
			String value = header.substring(colon + 1).trim();
			if (name.equalsIgnoreCase("Content-Length")) {
				contentLength = Integer.parseInt(value);
			}
			else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
				chunked = true;
			}
			else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
				closing = true;
			}
			else if (name.equalsIgnoreCase("Retry-After")) {
				retryAfter = value;
			}
		}
		bodyLength = 0;
		if (chunked) {
			for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0; size = Integer
				.parseInt(line().split(";")[0].trim(), 16)) {
				readBody(size);
				line();
			}
			for (String trailer = line(); !trailer.isEmpty(); trailer = line()) {
				// trailers are not used
			}
		}
		else if (contentLength > 0) {
			readBody(contentLength);
		}
		if (closing) {
			close();
		}
		return status;
	}

	private void readBody(int n) throws IOException {
		if (bodyLength + n > body.length) {
			byte[] bigger = new byte[Math.max(body.length * 2, bodyLength + n)];
			System.arraycopy(body, 0, bigger, 0, bodyLength);
			body = bigger;
		}
		int read = in.readNBytes(body, bodyLength, n);
		if (read < n) {
			throw new EOFException("connection closed in a response body");
		}
		bodyLength += n;
	}

	private final StringBuilder line = new StringBuilder(128);

	private String line() throws IOException {
		line.setLength(0);
		while (true) {
			int c = in.read();
			if (c < 0) {
				throw new EOFException("connection closed by the server");
			}
			if (c == '\n') {
				int end = line.length();
				if (end > 0 && line.charAt(end - 1) == '\r') {
					line.setLength(end - 1);
				}
				return line.toString();
			}
			line.append((char) c);
		}
	}

	@Override
	public void close() {
		if (socket != null) {
			try {
				socket.close();
			}
			catch (IOException e) {
				// closing anyway
			}
			socket = null;
		}
	}

}
