/**
 * Taking a solicitation in: authenticate it, hold each owner to a rate limit, validate
 * the body, give it its deterministic id, write it to Kafka once, and count it.
 */
package dev.politely.intake.solicitation;
