/** The message endpoints: send, list and delete on a record, ack on a session; they only delegate to core. */
package dev.datamanager.web.message;
