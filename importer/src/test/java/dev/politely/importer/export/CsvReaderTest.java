package dev.politely.importer.export;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvReaderTest {

	@Test
	void readsQuotedFieldsHoldingCommasDoubledQuotesAndLineBreaks() throws IOException {
		List<CsvRecord> records = read("a,\"b, c\",\"say \"\"hi\"\"\",\"one\ntwo\r\nthree\"\nnext,row\n");

		assertThat(records).extracting(CsvRecord::fields)
			.containsExactly(List.of("a", "b, c", "say \"hi\"", "one\ntwo\r\nthree"), List.of("next", "row"));
		assertThat(records).extracting(CsvRecord::line).containsExactly(1, 4);
	}

	@Test
	void dropsAByteOrderMarkAndReadsCrlfLineEnds() throws IOException {
		List<CsvRecord> records = read("\uFEFFFrom,To\r\nAna,Bo\r\n\r\nCé,Dé\r\n");

		assertThat(records).extracting(CsvRecord::fields)
			.containsExactly(List.of("From", "To"), List.of("Ana", "Bo"), List.of("Cé", "Dé"));
		assertThat(records).extracting(CsvRecord::line).containsExactly(1, 2, 4);
	}

	@Test
	void keepsEmptyFieldsAndALastLineWithoutLineBreak() throws IOException {
		assertThat(read(",,\n\"\",x")).extracting(CsvRecord::fields)
			.containsExactly(List.of("", "", ""), List.of("", "x"));
	}

	@Test
	void reportsAMalformedRecordWithItsLineAndGoesOn() throws IOException {
		List<CsvRecord> records = read("a,b\n\"bad\"x,c\nd,e\n\"never closed,f\ng\n");

		assertThat(records).hasSize(4);
		assertThat(records.get(1).wellFormed()).isFalse();
		assertThat(records.get(1).line()).isEqualTo(2);
		assertThat(records.get(1).problem()).contains("after a closing quote");
		assertThat(records.get(2).fields()).containsExactly("d", "e");
		assertThat(records.get(3).line()).isEqualTo(4);
		assertThat(records.get(3).problem()).contains("never closed");
	}

	private static List<CsvRecord> read(String text) throws IOException {
		CsvReader reader = new CsvReader(new StringReader(text));
		List<CsvRecord> records = new ArrayList<>();
		for (CsvRecord record = reader.next(); record != null; record = reader.next()) {
			records.add(record);
		}
		return records;
	}

}
