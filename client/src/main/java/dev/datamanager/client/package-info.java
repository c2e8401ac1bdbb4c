/**
 * A typed Java client for game servers: join, play, save and leave through the API's own JAX-RS interfaces; every
 * problem answer becomes a typed exception, and only what is safe to repeat is repeated, within a bounded wait.
 */
package dev.datamanager.client;
