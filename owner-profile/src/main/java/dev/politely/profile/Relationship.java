package dev.politely.profile;

/**
 * How well the owner knows a contact; declared weakest first, so {@code compareTo} orders
 * them.
 */
public enum Relationship {

	ACQUAINTANCE, COLLEAGUE, CLOSE;

	public boolean isAtLeast(Relationship other) {
		return compareTo(other) >= 0;
	}

}
