/**
 * The server keys of the owners' verdict links (contract section 4,
 * contracts/verdict-token.md), shared by the policy service, which signs the links of a
 * REVIEW, and the intake, which checks them.
 */
package dev.politely.webhook.verdict;
