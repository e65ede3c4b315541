/**
 * The status API on the intake: {@code GET /v1/owners/{ownerId}/solicitations/{id}}, the
 * address the webhook's {@code Location} names. It checks the signature like the webhook,
 * then asks the policy service, which holds the decisions; a solicitation written moments
 * ago that the policy has not read yet is {@code RECEIVED}.
 */
package dev.politely.intake.status;
