package dev.politely.importer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;

import dev.politely.importer.Imported.Triage;

/**
 * The triage: a CSV of every imported invitation with what to do about it, and the same
 * grouped by what to do, on the console.
 */
final class TriageReport {

	static final List<String> COLUMNS = List.of("Name", "Profile URL", "Sent At", "Outcome", "Rule", "Message");

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private TriageReport() {
	}

	static void write(Path file, List<Imported> imported) throws IOException {
		try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			// a BOM, so that a spreadsheet opens names in every script as UTF-8
			out.write('\uFEFF');
			row(out, COLUMNS);
			for (Imported one : imported) {
				row(out, List.of(one.invitation().name(), orEmpty(one.invitation().profileUrl()),
						one.invitation().sentAt().toString(), one.triage().word, rule(one),
						orEmpty(one.invitation().message())));
			}
		}
	}

	static void print(PrintStream out, List<Imported> imported) {
		for (Triage triage : Triage.values()) {
			List<Imported> group = imported.stream().filter((one) -> one.triage() == triage).toList();
			if (group.isEmpty() && triage == Triage.PENDING) {
				continue;
			}
			out.println();
			out.println(triage.heading + " (" + group.size() + ")");
			for (Imported one : group) {
				out.println("  " + SHOWN.format(one.invitation().sentAt()) + "  " + pad(one.invitation().name(), 32)
						+ "  " + pad(orEmpty(one.invitation().profileUrl()), 52) + "  " + rule(one));
			}
		}
	}

	private static String rule(Imported one) {
		return (one.status() == null) ? "" : RuleWords.of(one.status().rule(), one.status().reason());
	}

	/**
	 * RFC 4180: a field holding a comma, a quote or a line break is quoted, quotes
	 * doubled.
	 */
	private static void row(Writer out, List<String> fields) throws IOException {
		for (int i = 0; i < fields.size(); i++) {
			String field = fields.get(i);
			if (i > 0) {
				out.write(',');
			}
			if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
					|| field.indexOf('\r') >= 0) {
				out.write('"' + field.replace("\"", "\"\"") + '"');
			}
			else {
				out.write(field);
			}
		}
		out.write("\r\n");
	}

	private static String pad(String text, int width) {
		String oneLine = text.replaceAll("\\s+", " ");
		if (oneLine.length() > width) {
			return oneLine.substring(0, width - 1) + "…";
		}
		return oneLine + " ".repeat(width - oneLine.length());
	}

	private static String orEmpty(String text) {
		return (text != null) ? text : "";
	}

}
