/**
 * Joining: load and lock a record (asking a live owner to hand it over first), reconcile it with the template and
 * hold it in RAM. One join per key at a time on a node; a session still being released is settled before a rejoin.
 */
package dev.datamanager.core.join;
