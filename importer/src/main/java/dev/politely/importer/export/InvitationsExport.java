package dev.politely.importer.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Reads a LinkedIn data export: the archive ({@code Basic_LinkedInDataExport_*.zip}, with
 * {@code Invitations.csv} at its root or in a folder) or the {@code Invitations.csv}
 * itself. The whole file is read before anything is sent, so a wrong file sends nothing.
 */
public final class InvitationsExport {

	/** The header of LinkedIn's {@code Invitations.csv}, in order. */
	public static final List<String> COLUMNS = List.of("From", "To", "Sent At", "Message", "Direction",
			"inviterProfileUrl", "inviteeProfileUrl");

	static final String FILE_NAME = "Invitations.csv";

	private static final int FROM = 0;

	private static final int SENT_AT = 2;

	private static final int MESSAGE = 3;

	private static final int DIRECTION = 4;

	private static final int INVITER_PROFILE_URL = 5;

	private InvitationsExport() {
	}

	public static Export read(Path file) throws IOException, WrongFileException {
		if (!Files.isRegularFile(file)) {
			throw new WrongFileException("no file " + file);
		}
		if (isZip(file)) {
			try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
				ZipEntry entry = invitationsEntry(zip);
				try (InputStream in = zip.getInputStream(entry)) {
					return read(in, file.getFileName() + "!/" + entry.getName());
				}
			}
		}
		try (InputStream in = Files.newInputStream(file)) {
			return read(in, file.getFileName().toString());
		}
	}

	static Export read(InputStream in, String name) throws IOException, WrongFileException {
		// strict UTF-8: a file in another encoding is refused rather than read as
		// mojibake
		Reader reader = new InputStreamReader(in,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT));
		try {
			return read(new CsvReader(reader), name);
		}
		catch (CharacterCodingException ex) {
			throw new WrongFileException(name + " is not UTF-8 text; " + expected());
		}
	}

	private static Export read(CsvReader csv, String name) throws IOException, WrongFileException {
		CsvRecord header = csv.next();
		if (header == null || !header.wellFormed() || !isHeader(header.fields())) {
			throw new WrongFileException(name + " is not a LinkedIn " + FILE_NAME + "; " + expected());
		}
		int rows = 0;
		int outgoing = 0;
		List<Invitation> incoming = new ArrayList<>();
		List<RowError> errors = new ArrayList<>();
		for (CsvRecord record = csv.next(); record != null; record = csv.next()) {
			rows++;
			try {
				Invitation invitation = invitation(record);
				if (invitation == null) {
					outgoing++;
				}
				else {
					incoming.add(invitation);
				}
			}
			catch (BadRowException ex) {
				errors.add(new RowError(record.line(), ex.getMessage()));
			}
		}
		incoming.sort(Export.OLDEST_FIRST);
		return new Export(rows, Collections.unmodifiableList(incoming), outgoing, List.copyOf(errors));
	}

	/** The invitation of an INCOMING row, {@code null} for an OUTGOING one. */
	private static Invitation invitation(CsvRecord record) throws BadRowException {
		if (!record.wellFormed()) {
			throw new BadRowException(record.problem());
		}
		List<String> fields = record.fields();
		if (fields.size() != COLUMNS.size()) {
			throw new BadRowException("expected " + COLUMNS.size() + " fields (" + String.join(",", COLUMNS)
					+ "), found " + fields.size());
		}
		String direction = fields.get(DIRECTION).strip().toUpperCase(Locale.ROOT);
		if (direction.equals("OUTGOING")) {
			return null;
		}
		if (!direction.equals("INCOMING")) {
			throw new BadRowException("Direction must be INCOMING or OUTGOING, found '" + fields.get(DIRECTION) + "'");
		}
		String name = fields.get(FROM).strip();
		if (name.isEmpty()) {
			throw new BadRowException("From is empty");
		}
		String sentAt = fields.get(SENT_AT);
		try {
			String url = fields.get(INVITER_PROFILE_URL).strip();
			if (!url.isEmpty() && !url.matches("(?i)https?://\\S+")) {
				throw new BadRowException("inviterProfileUrl is not an http(s) URL: '" + url + "'");
			}
			String message = fields.get(MESSAGE);
			return new Invitation(record.line(), name, url.isEmpty() ? null : url, SentAt.parse(sentAt),
					message.isBlank() ? null : message);
		}
		catch (DateTimeParseException ex) {
			throw new BadRowException("Sent At '" + sentAt + "' is not a date like '" + SentAt.EXAMPLE + "'");
		}
	}

	private static boolean isHeader(List<String> fields) {
		return fields.stream().map(String::strip).toList().equals(COLUMNS);
	}

	private static ZipEntry invitationsEntry(ZipFile zip) throws WrongFileException {
		return zip.stream()
			.filter((entry) -> !entry.isDirectory())
			.filter((entry) -> !entry.getName().startsWith("__MACOSX/"))
			.filter((entry) -> entry.getName().equals(FILE_NAME) || entry.getName().endsWith("/" + FILE_NAME))
			// the shallowest one, if an archive was zipped again with a copy inside
			.min((a, b) -> Integer.compare(a.getName().split("/").length, b.getName().split("/").length))
			.orElseThrow(() -> new WrongFileException(
					"the archive holds no " + FILE_NAME + "; is it a LinkedIn data export? " + expected()));
	}

	private static boolean isZip(Path file) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] magic = in.readNBytes(4);
			return magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4;
		}
	}

	private static String expected() {
		return "expected a LinkedIn data export (.zip) or its " + FILE_NAME + ", whose header is "
				+ String.join(",", COLUMNS);
	}

	private static final class BadRowException extends Exception {

		BadRowException(String message) {
			super(message);
		}

	}

}
