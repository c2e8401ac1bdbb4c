/**
 * Test harness: real node processes and a real PostgreSQL, started by the tests themselves on loopback.
 * Every wait is bounded; every process started is stopped.
 */
package dev.datamanager.it.node;
