/**
 * Smoke tests: a node built from this checkout starts, answers its API and the runtime endpoints.
 */
package dev.datamanager.it.smoke;
