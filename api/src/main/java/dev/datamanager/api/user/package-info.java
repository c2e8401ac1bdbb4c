/**
 * A user id's records across every store, for access (export) and erasure requests: the DTOs and the JAX-RS
 * interface. A record is found by the user ids it lists once they are saved.
 */
package dev.datamanager.api.user;
