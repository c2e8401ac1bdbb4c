/**
 * Test harness: real node processes, started by the tests themselves on loopback ports from test-support.
 * Every wait is bounded; every process started is stopped.
 */
package dev.datamanager.it.node;
