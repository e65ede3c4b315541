package dev.politely.importer.export;

/**
 * A row of the file that could not be read, and why; the others are still imported.
 */
public record RowError(int line, String problem) {

	@Override
	public String toString() {
		return "line " + this.line + ": " + this.problem;
	}

}
