/**
 * Records in the database: entities, the repository of locked loads and fenced commits, migrations.
 * Only the owner of a record with the current session generation may write it.
 */
package dev.datamanager.persistence;
