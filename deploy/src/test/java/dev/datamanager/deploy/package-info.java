/**
 * Checks of the files that deploy the nodes (deploy/ and the repository's Containerfile), each read the way the tool
 * that uses it reads it, and held against the build that makes what they deploy.
 */
package dev.datamanager.deploy;
