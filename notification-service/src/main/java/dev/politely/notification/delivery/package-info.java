/**
 * Sending the letters: one {@link dev.politely.notification.delivery.Delivery} per
 * recipient, as a MIME message with the contract's headers, through one SMTP connection
 * that stays open.
 */
package dev.politely.notification.delivery;
