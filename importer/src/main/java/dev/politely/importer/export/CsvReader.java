package dev.politely.importer.export;

import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 reader: fields separated by commas, records by CRLF, LF or CR; a quoted
 * field may hold commas, line breaks and doubled quotes. A byte order mark before the
 * first field is dropped. Each record knows the line it starts on, so that a bad one can
 * be named, and a malformed record does not stop the reading: the next one starts after
 * the line break that ends it.
 */
final class CsvReader {

	private static final int EOF = -1;

	private final PushbackReader in;

	private int line = 1;

	private boolean started;

	CsvReader(Reader in) {
		this.in = new PushbackReader(in, 1);
	}

	/**
	 * The next record, {@code null} at the end of the input. Blank lines are skipped.
	 */
	CsvRecord next() throws IOException {
		while (true) {
			int first = read();
			if (!this.started) {
				this.started = true;
				if (first == '\uFEFF') {
					first = read();
				}
			}
			if (first == EOF) {
				return null;
			}
			if (first == '\r' || first == '\n') {
				endOfLine(first);
				continue;
			}
			this.in.unread(first);
			return record();
		}
	}

	private CsvRecord record() throws IOException {
		int startLine = this.line;
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean afterClosingQuote = false;
		boolean atFieldStart = true;
		while (true) {
			int c = read();
			if (quoted) {
				if (c == EOF) {
					return CsvRecord.malformed(startLine,
							"a quoted field opened on line " + startLine + " is never closed");
				}
				if (c == '"') {
					int next = read();
					if (next == '"') {
						field.append('"');
						continue;
					}
					unread(next);
					quoted = false;
					afterClosingQuote = true;
					continue;
				}
				if (c == '\r' || c == '\n') {
					// a line break inside a quoted field belongs to the field, as written
					field.append(endOfLine(c));
					continue;
				}
				field.append((char) c);
				continue;
			}
			if (c == ',' || c == '\r' || c == '\n' || c == EOF) {
				fields.add(field.toString());
				if (c == ',') {
					field.setLength(0);
					afterClosingQuote = false;
					atFieldStart = true;
					continue;
				}
				if (c != EOF) {
					endOfLine(c);
				}
				return CsvRecord.of(startLine, fields);
			}
			if (afterClosingQuote) {
				String problem = "unexpected '" + (char) c + "' after a closing quote on line " + this.line;
				skipRestOfLine();
				return CsvRecord.malformed(startLine, problem);
			}
			if (c == '"' && atFieldStart) {
				quoted = true;
				atFieldStart = false;
				continue;
			}
			atFieldStart = false;
			field.append((char) c);
		}
	}

	private void skipRestOfLine() throws IOException {
		int c = read();
		while (c != EOF && c != '\r' && c != '\n') {
			c = read();
		}
		if (c != EOF) {
			endOfLine(c);
		}
	}

	/** Consumes a line break that started with {@code c}, and returns it as written. */
	private String endOfLine(int c) throws IOException {
		this.line++;
		if (c == '\r') {
			int next = read();
			if (next == '\n') {
				return "\r\n";
			}
			unread(next);
			return "\r";
		}
		return "\n";
	}

	private int read() throws IOException {
		return this.in.read();
	}

	private void unread(int c) throws IOException {
		if (c != EOF) {
			this.in.unread(c);
		}
	}

}
