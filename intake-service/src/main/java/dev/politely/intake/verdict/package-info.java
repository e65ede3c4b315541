/**
 * The owner's verdict on a REVIEW, given through a signed link
 * (contracts/verdict-token.md): check the token, and on a POST only, write a
 * {@code VerdictRecorded} event for the policy service.
 */
package dev.politely.intake.verdict;
