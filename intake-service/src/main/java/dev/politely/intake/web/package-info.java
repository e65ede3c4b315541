/**
 * The HTTP side of the webhook: content type and size checks, the answers, RFC 9457 problem details.
 */
package dev.politely.intake.web;
