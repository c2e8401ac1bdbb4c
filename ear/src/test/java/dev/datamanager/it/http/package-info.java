/**
 * Black-box tests of the HTTP API over real HTTP against the packaged node, on Derby and on PostgreSQL: each
 * abstract {@code *Tests} class holds the checks, one {@code *IT} subclass per database starts one node for all.
 */
package dev.datamanager.it.http;
