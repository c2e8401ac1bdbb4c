/**
 * The session endpoints over HTTP; they only delegate to core's session manager and session exit.
 * Callers need the role game-server or admin.
 */
package dev.datamanager.web.session;
