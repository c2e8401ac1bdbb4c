/**
 * Messages to records: sending (once per idempotency key), delivery into the inboxes of the sessions this node holds,
 * and the ack that consumes one under the session's lock, saved in one commit with the patch acked with it.
 */
package dev.datamanager.core.message;
