/**
 * Lock-safe admin writes (restore, edit, erase, and each record a job changes): a free record is taken like a join,
 * changed and released in one transaction; a record a live node holds is changed by that owner, in the held
 * session, and committed before the admin is answered; a dead owner's recent lease refuses. Never a blind write.
 */
package dev.datamanager.core.admin;
