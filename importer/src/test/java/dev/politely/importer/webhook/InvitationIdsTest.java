package dev.politely.importer.webhook;

import java.time.Instant;

import dev.politely.importer.export.Invitation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InvitationIdsTest {

	private static final Instant SENT_AT = Instant.parse("2022-11-16T12:32:00Z");

	@Test
	void givesTheSameInvitationTheSameIdInEveryExport() {
		// a newer export: another line, a message edited nowhere, same inviter and time
		Invitation inFirstExport = new Invitation(12, "Zoë Müller", "https://www.linkedin.com/in/zoe", SENT_AT, "Hi");
		Invitation inNewerExport = new Invitation(140, "Zoë Müller", "https://www.linkedin.com/in/zoe/", SENT_AT, "Hi");

		assertThat(InvitationIds.webhookId("alice", inNewerExport))
			.isEqualTo(InvitationIds.webhookId("alice", inFirstExport))
			.isEqualTo("linkedin_" + java.util.UUID.nameUUIDFromBytes(
					"linkedin-invitation\nalice\nurl:https://www.linkedin.com/in/zoe\n2022-11-16T12:32:00Z"
						.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
			.matches("[\\x21-\\x7E]{1,256}");
	}

	@Test
	void tellsApartOwnersInvitersAndTimes() {
		Invitation zoe = new Invitation(2, "Zoë", "https://www.linkedin.com/in/zoe", SENT_AT, null);
		Invitation later = new Invitation(2, "Zoë", "https://www.linkedin.com/in/zoe", SENT_AT.plusSeconds(60), null);
		Invitation other = new Invitation(2, "Zoë", "https://www.linkedin.com/in/zoe-2", SENT_AT, null);
		Invitation noUrl = new Invitation(2, "Zoë", null, SENT_AT, null);

		assertThat(java.util.Set.of(InvitationIds.webhookId("alice", zoe), InvitationIds.webhookId("bob", zoe),
				InvitationIds.webhookId("alice", later), InvitationIds.webhookId("alice", other),
				InvitationIds.webhookId("alice", noUrl)))
			.hasSize(5);
	}

}
