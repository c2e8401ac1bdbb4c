/**
 * The node's self-description over HTTP.
 */
package dev.datamanager.web.server;
