package dev.politely.webhook.body;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * RFC 5321 {@code Mailbox} syntax as a table: what the RFC accepts, whatever its
 * top-level domain, and what it refuses.
 */
class MailboxTest {

	@ParameterizedTest
	@ValueSource(strings = { "ana@lab.test", "bo@example.invalid", "carl@mail.example", "dee@host.localhost",
			"eve@studio.dev", "fay@chat.bot", "gus@files.zip", "hal@shop.xn--vermgensberatung-pwb",
			"ida@launch.quokkapolitely", "jo@xn--bcher-kva.example", "ken@xn--80ak6aa92e.xn--p1ai",
			"\"lea smith\"@example.test", "\"a@b\"@example.test", "\"quote\\\"d\"@example.test", "\"\"@example.test",
			"first.last+tag@sub.domain.example", "o'brien@example.test", "x!#$%&'*+-/=?^_`{|}~@example.test",
			"u@localhost", "v@[192.0.2.1]", "w@[IPv6:2001:db8::1]", "x@[IPv6:2001:db8:0:0:0:0:0:1]",
			"y@[IPv6:::ffff:192.0.2.1]", "z@123.example", "a@a-b.c-d.example" })
	void acceptsWhatRfc5321Accepts(String mailbox) {
		assertThat(Mailbox.isValid(mailbox)).as(mailbox).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "plainaddress", "@example.test", "ana@", "ana@@example.test", ".ana@example.test",
			"ana.@example.test", "an..a@example.test", "ana@.example.test", "ana@example.test.", "ana@example..test",
			"ana@-lab.test", "ana@lab-.test", "ana@lab.-test", "ana smith@example.test", "ana@exa mple.test",
			"ana\r\n@example.test", "ana@example.test\r\nBcc: x@example.test", "ana@example.te\nst",
			"ana\u0000@example.test", "\"ana\u0000\"@example.test", "\"ana\r\n\"@example.test",
			"\"unclosed@example.test", "\"a\"b@example.test", "ana@lab_1.test", "anaïs@example.test",
			"ana@exämple.test", "ana@[300.0.0.1]", "ana@[192.0.2]", "ana@[IPv6:2001:db8::1::2]",
			"ana@[IPv6:1:2:3:4:5:6:7]", "ana@[tag:content]", "ana@example.test>", "(comment)ana@example.test" })
	void refusesWhatRfc5321Refuses(String mailbox) {
		assertThat(Mailbox.isValid(mailbox)).as(mailbox).isFalse();
	}

	@ParameterizedTest
	@ValueSource(ints = { 63, 64 })
	void boundsALabelTo63Octets(int length) {
		assertThat(Mailbox.isValid("ana@" + "a".repeat(length) + ".test")).isEqualTo(length <= 63);
	}

	@ParameterizedTest
	@ValueSource(ints = { 64, 65 })
	void boundsTheLocalPartTo64Octets(int length) {
		assertThat(Mailbox.isValid("a".repeat(length) + "@example.test")).isEqualTo(length <= 64);
	}

	@ParameterizedTest
	@ValueSource(ints = { 254, 255 })
	void boundsTheMailboxTo254Octets(int length) {
		String domain = ("a".repeat(62) + ".").repeat(4).substring(0, length - 3) + "t";
		assertThat(Mailbox.isValid("a@" + domain.replaceAll("\\.$", "t"))).isEqualTo(length <= 254);
	}

}
