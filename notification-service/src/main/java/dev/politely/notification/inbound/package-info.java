/**
 * What this service reads from {@code politely.decisions}: its own records for the parts
 * of the DecisionMade event (contracts/events/decision-made.v1) that it uses. A record
 * that lacks a required part cannot be built, so an invalid event fails to deserialize
 * and goes to the dead-letter topic.
 */
package dev.politely.notification.inbound;
