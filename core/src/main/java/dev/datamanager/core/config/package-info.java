/**
 * Settings of this node, read once from MicroProfile Config; every tunable has a default.
 */
package dev.datamanager.core.config;
