package dev.politely.profile;

/** Rule 1 of the article: the reasons an owner says yes. */
public enum Purpose {

	NETWORK, CONTRIBUTE, FRIENDSHIP

}
