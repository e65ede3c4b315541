/**
 * The status API: {@code GET /v1/owners/{ownerId}/solicitations/{solicitationId}}, signed
 * like the dry run, answers where a solicitation stands (RECEIVED, REVIEW, DECIDED) from
 * the policy stream's state, read by interactive query. Reads only.
 */
package dev.politely.policy.status;
