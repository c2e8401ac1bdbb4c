/** The trade endpoint. */
package dev.datamanager.web.trade;
