/**
 * The kept versions of a record as callers see them: the list, one version's document, and pins that keep a version
 * from retention. Version n is the document the record's commit n wrote; the list includes the current version.
 */
package dev.datamanager.api.version;
