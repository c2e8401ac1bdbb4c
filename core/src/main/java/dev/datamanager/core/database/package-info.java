/**
 * The only way core reaches the database: the record repository behind retries, timeouts and a circuit breaker.
 * A database failure surfaces as {@code DatabaseUnavailableException}; it never drops data held in RAM.
 */
package dev.datamanager.core.database;
