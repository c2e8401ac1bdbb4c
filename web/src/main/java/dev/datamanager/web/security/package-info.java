/**
 * Who may call the API: HTTP Basic against Liberty's user registry on every {@code /api/v1} request, then roles.
 * No request reaches a resource unauthenticated, and every refusal is problem+json.
 */
package dev.datamanager.web.security;
