package dev.politely.importer.webhook;

import java.net.URI;
import java.util.UUID;

/**
 * How the webhook answered one invitation, after every retry.
 */
public sealed interface Delivery {

	/** 202: new, written. */
	record Accepted(UUID solicitationId, URI location) implements Delivery {
	}

	/** 200: a redelivery of an invitation imported before. */
	record AlreadyKnown(UUID solicitationId, URI location) implements Delivery {
	}

	/** Refused for good (400, 401, 413...), with the reason the intake gave. */
	record Refused(int status, String reason) implements Delivery {
	}

	/** The intake could not be reached, or kept answering "later": the import stops. */
	record Unreachable(String reason) implements Delivery {
	}

}
