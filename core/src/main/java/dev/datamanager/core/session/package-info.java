/**
 * Sessions this node holds in RAM: the current document and the change counter that says what still needs saving.
 * A session is clean only if no update landed since the snapshot that was saved; no lock is held during I/O.
 */
package dev.datamanager.core.session;
