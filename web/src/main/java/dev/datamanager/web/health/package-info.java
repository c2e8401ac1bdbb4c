/**
 * MicroProfile Health probes: one small class per probe.
 */
package dev.datamanager.web.health;
