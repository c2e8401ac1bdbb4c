/**
 * Benchmarks: each DataManager figure is measured in the same run as its baseline, on the same machine and the
 * same PostgreSQL, and judged by the ratio of the two. A missed target is reported, never an error.
 */
package dev.datamanager.bench;
