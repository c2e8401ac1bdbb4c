/**
 * Sessions as callers see them: the DTOs and JAX-RS interfaces of join, read, patch, save and leave.
 * A session body always describes RAM on the node that holds it; a record body, the committed row.
 */
package dev.datamanager.api.session;
