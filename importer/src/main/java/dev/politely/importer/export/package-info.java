/**
 * Reading a LinkedIn data export: the archive or its {@code Invitations.csv}, with one
 * RFC 4180 reader, into the INCOMING invitations, oldest first, and the rows that could
 * not be read.
 */
package dev.politely.importer.export;
