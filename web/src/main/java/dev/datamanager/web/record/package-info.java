/**
 * Committed records over HTTP, for operators (role admin); reading one never takes or renews its lock.
 */
package dev.datamanager.web.record;
