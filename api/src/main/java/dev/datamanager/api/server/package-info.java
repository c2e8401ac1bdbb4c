/**
 * What a node says about itself: its server id, how many sessions it holds, the settings in force.
 */
package dev.datamanager.api.server;
