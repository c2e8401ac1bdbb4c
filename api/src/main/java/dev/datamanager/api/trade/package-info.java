/** The trade endpoint: several sessions held on one node changed all or not at all, in one commit. */
package dev.datamanager.api.trade;
