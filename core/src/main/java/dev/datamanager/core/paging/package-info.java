/**
 * Pages of long lists (versions, the audit trail, later jobs): a page and the cursor of the next one. What a cursor
 * holds is decided here, by the list that gives it out; callers only ever hand it back unchanged.
 */
package dev.datamanager.core.paging;
