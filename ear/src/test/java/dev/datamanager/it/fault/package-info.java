/**
 * Fault-injection ITs: real node processes on one database, raced, handed off, killed, frozen and starved of their
 * database on purpose. Each scenario asserts that no acknowledged update is lost and no two nodes hold one record.
 */
package dev.datamanager.it.fault;
