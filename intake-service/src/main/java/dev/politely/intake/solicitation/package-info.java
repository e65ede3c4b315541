/**
 * Taking a solicitation in: validate the body, give it its deterministic id, write it to Kafka once.
 */
package dev.politely.intake.solicitation;
