package dev.politely.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.politely.importer.export.SentAt;

/**
 * Realistic LinkedIn exports for tests and for the README's run: names in several
 * scripts, messages with commas, quotes and line breaks (or none), both directions,
 * newest first, CRLF line ends and a BOM, in an archive laid out like LinkedIn's.
 * <p>
 * {@code java -cp importer/target/test-classes:importer/target/classes
 * dev.politely.importer.ExportGenerator 500 export.zip [seed]} writes one.
 */
public final class ExportGenerator {

	static final String OWNER_NAME = "Alice Martin";

	static final String OWNER_URL = "https://www.linkedin.com/in/alice-martin-example";

	private static final String[] FIRST = { "Camille", "Léa", "Noé", "François", "Zoë", "Joaquín", "Björn", "Ана",
			"Дмитрий", "Γιώργος", "Ελένη", "美咲", "翔太", "李", "أحمد", "فاطمة", "राहुल", "प्रिया", "Ngozi", "Siobhán",
			"Chloé", "Mateus", "Đorđe", "İlkay" };

	private static final String[] LAST = { "Dupont", "Müller", "O'Brien", "García-Márquez", "Nguyễn", "Иванова",
			"Παπαδόπουλος", "田中", "王", "الحسن", "शर्मा", "Okafor", "Ní Bhriain", "Lefèvre", "Kowalczyk", "Øster" };

	private static final String[] MESSAGES = { "",
			"Bonjour Alice, je travaille dans le recrutement, j'aimerais rejoindre votre réseau.",
			"Hi Alice, we met at the \"Future of Work\" meetup, Paris, last week.",
			"Bonjour,\nje suis responsable formation chez Acme, et je lis vos articles.\nBien à vous,\nCamille",
			"Hello! I'd love to connect, grow my network, and share opportunities.",
			"Je lance une startup \"crypto, NFT & co\" : un rendez-vous ?", "RH, talent, onboarding: on parle ?",
			"Salut !", "Let's connect.\r\n\r\nCheers", "Ich habe Ihr Profil gesehen, sehr interessant, danke!" };

	private ExportGenerator() {
	}

	public static void main(String[] args) throws IOException {
		int count = Integer.parseInt(args[0]);
		Path target = Path.of(args[1]);
		long seed = (args.length > 2) ? Long.parseLong(args[2]) : 1L;
		byte[] csv = csv(rows(count, seed, Instant.parse("2026-11-01T10:00:00Z")));
		if (target.getFileName().toString().endsWith(".zip")) {
			Files.write(target, zip("Basic_LinkedInDataExport_11-30-2026/", csv));
		}
		else {
			Files.write(target, csv);
		}
		System.out.println("wrote " + count + " invitations to " + target);
	}

	/** {@code count} rows, about one in six OUTGOING, the newest first. */
	public static List<Row> rows(int count, long seed, Instant newest) {
		Random random = new Random(seed);
		List<Row> rows = new ArrayList<>();
		Instant at = newest;
		for (int i = 0; i < count; i++) {
			// every 1 to 40 hours back: about two years for 500 rows
			at = at.minus(Duration.ofMinutes(60 + random.nextInt(40 * 60)));
			String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
			String url = "https://www.linkedin.com/in/member-" + seed + "-" + i;
			String message = MESSAGES[random.nextInt(MESSAGES.length)];
			if (random.nextInt(6) == 0) {
				rows.add(new Row(OWNER_NAME, name, at, message, "OUTGOING", OWNER_URL, url));
			}
			else {
				rows.add(new Row(name, OWNER_NAME, at, message, "INCOMING", url, OWNER_URL));
			}
		}
		rows.sort(Comparator.comparing(Row::sentAt).reversed());
		return rows;
	}

	public static byte[] csv(List<Row> rows) {
		StringBuilder out = new StringBuilder("\uFEFF");
		out.append("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n");
		for (Row row : rows) {
			out.append(String.join(",", quote(row.from()), quote(row.to()), quote(SentAt.format(row.sentAt())),
					quote(row.message()), row.direction(), row.inviterProfileUrl(), row.inviteeProfileUrl()))
				.append("\r\n");
		}
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** An archive with {@code Invitations.csv} under {@code folder} ("" for the root). */
	public static byte[] zip(String folder, byte[] invitations) throws IOException {
		java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			entry(zip, folder + "Connections.csv",
					"Notes:\r\n\"Some contacts hide their email\"\r\n\r\nFirst Name,Last Name,URL\r\n"
						.getBytes(StandardCharsets.UTF_8));
			entry(zip, folder + "Invitations.csv", invitations);
			entry(zip, folder + "messages.csv", "CONVERSATION ID,FROM,TO\r\n".getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

	private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content);
		zip.closeEntry();
	}

	private static String quote(String field) {
		if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
			return "\"" + field.replace("\"", "\"\"") + "\"";
		}
		return field;
	}

	public record Row(String from, String to, Instant sentAt, String message, String direction,
			String inviterProfileUrl, String inviteeProfileUrl) {
	}

}
