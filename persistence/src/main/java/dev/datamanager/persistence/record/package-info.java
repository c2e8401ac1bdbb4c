/**
 * Session-locked records: the entity, its row-locked loads and its fenced writes, one transaction each.
 * Only the owner presenting the current generation may write a record, and lease ages are measured on the database clock.
 */
package dev.datamanager.persistence.record;
