/**
 * The infrastructure behind {@code ./politely local}: a real Kafka broker in KRaft mode
 * and a GreenMail SMTP/IMAP sink, both keeping their data under {@code .politely/} so a
 * restart loses nothing. The three services run beside it as their own processes.
 */
package dev.politely.local;
