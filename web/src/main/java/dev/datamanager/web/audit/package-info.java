/**
 * The audit trail over HTTP, for admin and support: read only, newest first, filtered by time and action.
 */
package dev.datamanager.web.audit;
