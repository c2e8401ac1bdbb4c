/**
 * In-container tests: Arquillian deploys the real EAR into a managed Liberty and runs the test inside it.
 */
package dev.datamanager.it.container;
