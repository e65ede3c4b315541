package dev.politely.importer.webhook;

import dev.politely.importer.export.Invitation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The webhook body of an invitation: a {@code CONNECTION_REQUEST} on {@code linkedin}, as
 * the contract's {@code solicitation.schema.json} describes it.
 */
public final class SolicitationBody {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SolicitationBody() {
	}

	public static byte[] of(Invitation invitation) {
		ObjectNode body = JSON.createObjectNode();
		body.put("kind", "CONNECTION_REQUEST");
		body.put("platform", "linkedin");
		body.put("receivedAt", invitation.sentAt().toString());
		ObjectNode requester = body.putObject("requester");
		requester.put("name", invitation.name());
		if (invitation.profileUrl() != null) {
			requester.put("profileUrl", invitation.profileUrl());
		}
		if (invitation.message() != null) {
			body.put("message", invitation.message());
		}
		return JSON.writeValueAsBytes(body);
	}

}
