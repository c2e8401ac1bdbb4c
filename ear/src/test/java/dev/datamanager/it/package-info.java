/**
 * Integration tests against real servers: Arquillian in a managed Liberty, and black-box ITs that
 * start node processes (the runnable jar) on embedded Derby or a real PostgreSQL.
 */
package dev.datamanager.it;
