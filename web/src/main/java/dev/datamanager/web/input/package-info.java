/**
 * Request rules applied before any core call: names follow the naming rule, and a body is counted while it is read
 * so that nothing larger than {@code datamanager.document.max-bytes} is ever held in memory.
 */
package dev.datamanager.web.input;
