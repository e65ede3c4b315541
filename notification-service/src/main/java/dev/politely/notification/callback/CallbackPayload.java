package dev.politely.notification.callback;

import java.util.UUID;

/**
 * The body of a callback (contract section 4): the requester's reply, the same subject
 * and text as their email, for the caller to post back on the platform.
 *
 * @param decisionId the decision, also the {@code webhook-id}
 * @param solicitationId the answered solicitation
 * @param outcome ACCEPT or DECLINE
 * @param language the reply's language
 * @param subject the reply's subject
 * @param text the reply as plain text
 * @param html the reply as HTML, user-supplied text escaped
 * @param offeredMinutes the minutes offered by an accepted request for advice or
 * question, else null
 */
record CallbackPayload(UUID decisionId, UUID solicitationId, String outcome, String language, String subject,
		String text, String html, Integer offeredMinutes) {
}
