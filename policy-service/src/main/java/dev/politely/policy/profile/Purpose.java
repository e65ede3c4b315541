package dev.politely.policy.profile;

/** Rule 1 of the article: the reasons an owner says yes. */
public enum Purpose {

	NETWORK, CONTRIBUTE, FRIENDSHIP

}
