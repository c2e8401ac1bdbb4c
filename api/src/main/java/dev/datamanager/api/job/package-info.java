/**
 * Bulk jobs as callers see them: the start request, the job body with its progress, and the JAX-RS interfaces.
 * A job changes every record of one store at most once, lock-safely, and survives the death of the node running it.
 */
package dev.datamanager.api.job;
