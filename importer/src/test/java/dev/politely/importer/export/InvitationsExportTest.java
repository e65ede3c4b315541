package dev.politely.importer.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.politely.importer.ExportGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class InvitationsExportTest {

	private static final String HEADER = "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\r\n";

	@TempDir
	Path directory;

	@Test
	void readsIncomingInvitationsOldestFirstAndCountsOutgoingOnes() throws Exception {
		Export export = read(
				HEADER + """
						Zoë Müller,Alice Martin,"11/16/22, 12:32 PM","Hello, ""Alice""!
						Second line",INCOMING,https://www.linkedin.com/in/zoe,https://www.linkedin.com/in/alice
						Alice Martin,Bo,"11/15/22, 9:05 AM",,OUTGOING,https://www.linkedin.com/in/alice,https://www.linkedin.com/in/bo
						美咲 田中,Alice Martin,"1/2/21, 12:05 AM",,INCOMING,https://www.linkedin.com/in/misaki,https://www.linkedin.com/in/alice
						""");

		assertThat(export.rowsRead()).isEqualTo(3);
		assertThat(export.outgoing()).isEqualTo(1);
		assertThat(export.errors()).isEmpty();
		assertThat(export.incoming()).extracting(Invitation::name).containsExactly("美咲 田中", "Zoë Müller");
		Invitation misaki = export.incoming().get(0);
		assertThat(misaki.sentAt()).isEqualTo(Instant.parse("2021-01-02T00:05:00Z"));
		assertThat(misaki.message()).isNull();
		assertThat(misaki.line()).isEqualTo(5);
		Invitation zoe = export.incoming().get(1);
		assertThat(zoe.sentAt()).isEqualTo(Instant.parse("2022-11-16T12:32:00Z"));
		assertThat(zoe.message()).isEqualTo("Hello, \"Alice\"!\nSecond line");
		assertThat(zoe.profileUrl()).isEqualTo("https://www.linkedin.com/in/zoe");
	}

	@Test
	void ordersInvitationsOfTheSameMinuteByTheirPlaceInTheFile() throws Exception {
		Export export = read(HEADER + """
				Newer,Alice,"3/1/23, 8:00 PM",,INCOMING,https://l.example/newer,
				Older,Alice,"3/1/23, 8:00 PM",,INCOMING,https://l.example/older,
				Oldest,Alice,"3/1/23, 7:59 PM",,INCOMING,https://l.example/oldest,
				""");

		assertThat(export.incoming()).extracting(Invitation::name).containsExactly("Oldest", "Older", "Newer");
	}

	@Test
	void generatedExportsComeOutOldestFirst() throws Exception {
		Path file = this.directory.resolve("Invitations.csv");
		Files.write(file, ExportGenerator.csv(ExportGenerator.rows(200, 7, Instant.parse("2026-11-01T10:00:00Z"))));

		Export export = InvitationsExport.read(file);

		assertThat(export.rowsRead()).isEqualTo(200);
		assertThat(export.incoming().size() + export.outgoing()).isEqualTo(200);
		assertThat(export.incoming()).extracting(Invitation::sentAt).isSorted();
		assertThat(export.errors()).isEmpty();
	}

	@Test
	void reportsUnreadableRowsWithTheirLineWhileTheOthersGoOn() throws Exception {
		Export export = read(HEADER + """
				Ana,Alice,"11/16/22, 12:32 PM",,INCOMING,https://l.example/ana,
				Bo,Alice,yesterday,,INCOMING,https://l.example/bo,
				Cé,Alice,"11/16/22, 12:30 PM",,SIDEWAYS,https://l.example/ce,
				Dé,Alice,"11/16/22, 12:29 PM",,INCOMING
				Eve,Alice,"11/16/22, 12:28 PM","multi
				line",INCOMING,ftp://l.example/eve,
				Fay,Alice,"11/16/22, 12:27 PM",,INCOMING,https://l.example/fay,
				""");

		assertThat(export.incoming()).extracting(Invitation::name).containsExactly("Fay", "Ana");
		assertThat(export.errors()).extracting(RowError::line).containsExactly(3, 4, 5, 6);
		assertThat(export.errors().get(0).problem()).contains("Sent At 'yesterday'", "11/16/22, 12:32 PM");
		assertThat(export.errors().get(1).problem()).contains("Direction");
		assertThat(export.errors().get(2).problem()).contains("expected 7 fields");
		assertThat(export.errors().get(3).problem()).contains("inviterProfileUrl");
		assertThat(export.rowsRead()).isEqualTo(6);
	}

	@Test
	void refusesAFileWithAnotherHeaderNamingTheExpectedColumns() throws IOException {
		Path file = this.directory.resolve("Connections.csv");
		Files.writeString(file, "First Name,Last Name,URL,Email Address\r\nAna,Li,https://l.example/ana,\r\n");

		assertThatExceptionOfType(WrongFileException.class).isThrownBy(() -> InvitationsExport.read(file))
			.withMessageContaining("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl");
	}

	@Test
	void refusesAFileThatIsNotUtf8() throws IOException {
		Path file = this.directory.resolve("Invitations.csv");
		Files.write(file, (HEADER + "Zo\u00eb,Alice,\"11/16/22, 12:32 PM\",,INCOMING,,\r\n")
			.getBytes(StandardCharsets.ISO_8859_1));

		assertThatExceptionOfType(WrongFileException.class).isThrownBy(() -> InvitationsExport.read(file))
			.withMessageContaining("not UTF-8");
	}

	@Test
	void findsInvitationsAtTheRootOfTheArchive() throws Exception {
		assertThat(readZip("").incoming()).hasSize(2);
	}

	@Test
	void findsInvitationsInAFolderOfTheArchive() throws Exception {
		assertThat(readZip("Basic_LinkedInDataExport_11-30-2026/").incoming()).hasSize(2);
	}

	@Test
	void refusesAnArchiveWithoutInvitations() throws IOException {
		Path zip = this.directory.resolve("Basic_LinkedInDataExport_11-30-2026.zip");
		try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
			out.putNextEntry(new java.util.zip.ZipEntry("Basic_LinkedInDataExport_11-30-2026/Connections.csv"));
			out.write("First Name,Last Name\r\n".getBytes(StandardCharsets.UTF_8));
			out.closeEntry();
		}

		assertThatExceptionOfType(WrongFileException.class).isThrownBy(() -> InvitationsExport.read(zip))
			.withMessageContaining("no Invitations.csv")
			.withMessageContaining("From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl");
	}

	private Export readZip(String folder) throws Exception {
		byte[] csv = (HEADER + """
				Ana,Alice,"11/16/22, 12:32 PM",,INCOMING,https://l.example/ana,
				Bo,Alice,"11/16/22, 12:31 PM",,INCOMING,https://l.example/bo,
				""").getBytes(StandardCharsets.UTF_8);
		Path zip = this.directory.resolve("export.zip");
		Files.write(zip, ExportGenerator.zip(folder, csv));
		return InvitationsExport.read(zip);
	}

	private Export read(String csv) throws Exception {
		Path file = this.directory.resolve("Invitations.csv");
		Files.writeString(file, csv);
		return InvitationsExport.read(file);
	}

}
