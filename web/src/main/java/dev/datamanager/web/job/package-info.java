/**
 * Bulk jobs over HTTP: admins start and cancel them, admins and support read their progress. A start answers at
 * once ({@code 202}); any node may run the job.
 */
package dev.datamanager.web.job;
