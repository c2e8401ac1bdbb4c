/** Messages to records: what a sender gets back, what an admin lists, what a session body shows as pending. */
package dev.datamanager.api.message;
