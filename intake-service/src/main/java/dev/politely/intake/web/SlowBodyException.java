package dev.politely.intake.web;

/**
 * The body did not arrive within {@link BoundedBody#DEADLINE}: a sender that trickles its
 * body must not hold a request thread for as long as it likes.
 */
class SlowBodyException extends RuntimeException {

	SlowBodyException() {
		super("The body did not arrive within " + BoundedBody.DEADLINE.toSeconds() + " s");
	}

}
