/**
 * Request rules applied before any core call: names follow the naming rule, a body is counted while it is read so
 * that nothing larger than {@code datamanager.document.max-bytes} is ever held in memory, and every string in it is
 * valid Unicode (I-JSON, RFC 7493). Query parameters shared by many endpoints (RFC 3339 instants, paging) are read
 * by one rule each, so every list refuses a bad one with the same {@code 400}.
 */
package dev.datamanager.web.input;
