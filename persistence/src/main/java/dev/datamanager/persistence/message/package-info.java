/**
 * Messages sent to a record: stored at once whether or not a node holds the record, and deleted only by the owner's
 * fenced commit that consumed them (in the transaction that writes the document), an admin, an erasure or retention.
 */
package dev.datamanager.persistence.message;
