/**
 * Errors a caller can act on: each is a typed exception here, mapped once to problem+json by the web module.
 */
package dev.datamanager.api.error;
