/**
 * The import's side of the HTTP contract: the signed webhook deliveries (with the retries
 * 429 and 503 ask for), the deterministic webhook ids of invitations, and the status API.
 */
package dev.politely.importer.webhook;
