package dev.politely.intake.web;

/**
 * The body is over the contract's 64 KiB.
 */
class PayloadTooLargeException extends RuntimeException {

	PayloadTooLargeException() {
		super("The body is over " + BoundedBody.MAX_BYTES + " bytes");
	}

}
