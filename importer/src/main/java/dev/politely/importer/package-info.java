/**
 * {@code ./politely import}: a LinkedIn data export through the owner's webhook, and the
 * triage report that comes back. Plain Java, no Spring: a command line tool.
 */
package dev.politely.importer;
