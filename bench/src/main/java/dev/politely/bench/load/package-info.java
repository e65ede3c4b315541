/**
 * The load generators: signed solicitations over lean keep-alive HTTP/1.1 connections,
 * closed loop and open loop.
 */
package dev.politely.bench.load;
