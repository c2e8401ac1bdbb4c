/**
 * What the node counts and times, published through MicroProfile Metrics at {@code /metrics}.
 */
package dev.datamanager.core.metrics;
