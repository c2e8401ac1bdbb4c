/**
 * Trades: several sessions held on this node changed all or not at all, committed in one database transaction, never
 * one side saved without the other; a commit whose outcome is unknown is read back from the rows, never guessed.
 */
package dev.datamanager.core.trade;
