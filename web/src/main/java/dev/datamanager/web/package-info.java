/**
 * The HTTP boundary: JAX-RS resources that only delegate to core, error mappers and health checks.
 */
package dev.datamanager.web;
