package dev.politely.webhook.body;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/**
 * The schema's {@code "format": "email"}, asserted by {@link Mailbox} instead of the
 * library's own check, which consults a bundled list of top-level domains and so refuses
 * valid addresses. Same name and message key, so a refusal reads as before.
 */
final class MailboxFormat implements Format {

	@Override
	public String getName() {
		return "email";
	}

	@Override
	public String getMessageKey() {
		return "format.email";
	}

	@Override
	public boolean matches(ExecutionContext executionContext, String value) {
		return Mailbox.isValid(value);
	}

}
