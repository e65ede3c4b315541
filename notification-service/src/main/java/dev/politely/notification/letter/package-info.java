/**
 * Writing the letters: which emails a decision gives, in which language, with which
 * words. Templates are Thymeleaf (TEXT and HTML), the words are in the
 * {@code mail/messages_<lang>.properties} bundles.
 */
package dev.politely.notification.letter;
