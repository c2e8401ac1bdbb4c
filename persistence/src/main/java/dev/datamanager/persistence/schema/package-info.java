/**
 * Schema migrations: the one Liquibase changelog for Derby and PostgreSQL, applied at startup.
 * Safe when many nodes start at once: Liquibase's lock table serialises them and races to create it are retried.
 */
package dev.datamanager.persistence.schema;
