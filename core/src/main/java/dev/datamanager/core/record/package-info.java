/**
 * Committed records as operators read them, without a session: reads never take or renew a lock.
 */
package dev.datamanager.core.record;
