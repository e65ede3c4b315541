/**
 * What the alerts read: the counters they watch with {@code increase()}, registered at
 * zero when the service starts (see {@code deploy/prometheus}).
 */
package dev.politely.notification.alerts;
