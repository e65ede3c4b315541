package dev.politely.importer.export;

import java.util.List;

/**
 * One CSV record: its fields, or why it could not be read.
 *
 * @param line the line of the file it starts on (1 is the first)
 * @param problem {@code null} when the record is well formed
 */
record CsvRecord(int line, List<String> fields, String problem) {

	static CsvRecord of(int line, List<String> fields) {
		return new CsvRecord(line, List.copyOf(fields), null);
	}

	static CsvRecord malformed(int line, String problem) {
		return new CsvRecord(line, List.of(), problem);
	}

	boolean wellFormed() {
		return this.problem == null;
	}

}
