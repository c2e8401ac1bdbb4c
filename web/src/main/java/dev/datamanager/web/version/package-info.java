/**
 * A record's kept versions over HTTP: reads for admin and support, pins for admin only, each pin and unpin audited
 * under the caller's user name. Parameters are checked by the rules of {@code web.input} before core is called.
 */
package dev.datamanager.web.version;
