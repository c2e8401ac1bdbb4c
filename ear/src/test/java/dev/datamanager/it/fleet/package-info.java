/**
 * The fleet simulation: thousands of simulated players on three nodes and one PostgreSQL, joining, updating,
 * teleporting, trading, receiving messages and leaving through a rolling restart, then a check that no acknowledged
 * update was lost, and a report of what the run cost.
 */
package dev.datamanager.it.fleet;
