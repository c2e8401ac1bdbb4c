/**
 * Every error answer is RFC 9457 {@code application/problem+json} with type, title, status and detail: one mapper
 * per error type, and never a stack trace in a body (unexpected failures are logged here, answered generically).
 */
package dev.datamanager.web.error;
