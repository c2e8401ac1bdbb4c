/**
 * Line 1's baselines, deployed only on the benchmark's node: JAX-RS GETs that answer constant text, one open and one
 * behind the same HTTP Basic login and role check as the API, so the table can tell what authentication, JSON and the
 * patch each cost. Never packaged in the production EAR.
 */
package dev.datamanager.benchbaseline;
