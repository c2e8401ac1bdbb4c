/**
 * Document migrations: per store, an ordered chain of JSON Patch steps beside its template
 * ({@code <Store>.migrations/NNNN-name.json}). A record remembers the number of the last step applied to it (its
 * schema version); a join applies the missing steps in order before reconciling. A step that fails only on a
 * {@code test} operation is skipped for that record; any other failure leaves the record untouched.
 */
package dev.datamanager.core.migration;
