/**
 * Test fixtures: one embedded PostgreSQL per run (test-support's {@code TestPostgres}), fresh Derby and PostgreSQL
 * databases, and nodes (EntityManagerFactories) whose commits can be held open to force an interleaving.
 */
package dev.datamanager.persistence.testing;
