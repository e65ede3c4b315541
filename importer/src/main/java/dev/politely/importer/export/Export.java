package dev.politely.importer.export;

import java.util.Comparator;
import java.util.List;

/**
 * What an {@code Invitations.csv} holds.
 *
 * @param rowsRead the rows after the header, read or not
 * @param incoming the INCOMING invitations, oldest first
 * @param outgoing how many OUTGOING rows were skipped
 * @param errors the rows that could not be read, in file order
 */
public record Export(int rowsRead, List<Invitation> incoming, int outgoing, List<RowError> errors) {

	/**
	 * Oldest first, so that the owner's monthly counts run in time order. The export
	 * lists the newest first and {@code Sent At} has minute precision, so within one
	 * minute the row further down the file is the older one.
	 */
	static final Comparator<Invitation> OLDEST_FIRST = Comparator.comparing(Invitation::sentAt)
		.thenComparing(Comparator.comparingInt(Invitation::line).reversed());

}
