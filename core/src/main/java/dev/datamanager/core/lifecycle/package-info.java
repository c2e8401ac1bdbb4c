/**
 * The node's start and stop: the startup singleton whose {@code @PreDestroy} runs before the server stops.
 */
package dev.datamanager.core.lifecycle;
