/**
 * The node's business logic: sessions held in RAM, reconcile, patching, autosave and shutdown.
 * Only this module decides when data is written; it writes only through fenced commits.
 */
package dev.datamanager.core;
