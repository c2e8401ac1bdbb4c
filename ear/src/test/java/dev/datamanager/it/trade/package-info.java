/**
 * What the trade suites share: the body of a trade that moves one unique item between two players, and the census
 * that finds an item stored twice or nowhere.
 */
package dev.datamanager.it.trade;
