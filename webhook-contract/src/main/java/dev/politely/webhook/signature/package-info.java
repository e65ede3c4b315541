/**
 * Standard Webhooks signatures: the owner's secret and the verification of a delivery.
 */
package dev.politely.webhook.signature;
