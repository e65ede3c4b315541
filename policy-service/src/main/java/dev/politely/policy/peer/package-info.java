/**
 * The other policy instances: a request about an owner whose partition this instance does
 * not hold (the dry run, the status API) is forwarded to the one that holds it.
 */
package dev.politely.policy.peer;
