/**
 * Bulk jobs in the database: one row per job with its counters and its runner's heartbeat, one row per record it
 * covers. Only the node whose claim the job row names may record progress, and an item is counted once: its state
 * and the job's counters change in one transaction under the job row's lock.
 */
package dev.datamanager.persistence.job;
