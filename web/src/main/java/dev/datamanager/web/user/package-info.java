/**
 * A user id's records over HTTP: access (every record that lists it, with data) for admins and support, erasure of
 * them all for admins. The user id is checked against the user-id rule before anything is read.
 */
package dev.datamanager.web.user;
