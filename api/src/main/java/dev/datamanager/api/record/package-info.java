/**
 * Typed outcomes of session-locked record operations: acquire, commit, renew, release, read.
 * Every outcome says exactly what happened; a refusal or a lost lock is a value, never null or an error.
 */
package dev.datamanager.api.record;
