/**
 * The HTTP side: the webhook (content type and size checks, the answers, RFC 9457 problem
 * details, the counting of deliveries) and the owner's verdict pages (HTML, in the
 * owner's language).
 */
package dev.politely.intake.web;
