package dev.datamanager.web;

import dev.datamanager.web.error.Problem;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The JAX-RS application: every resource lives under {@code /api/v1} and needs HTTP Basic credentials. */
@ApplicationPath("api/v1")
@DeclareRoles({"game-server", "admin", "support"})
@OpenAPIDefinition(
    info = @Info(
        title = "DataManager",
        version = "1",
        description = "Safe player data: session-locked records, fenced commits, RAM cache and autosave."
            + " Every error is application/problem+json (RFC 9457) with type, title, status, detail, retryable and, for one record, store and key."),
    security = @SecurityRequirement(name = "basic"),
    components = @Components(
        securitySchemes = @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP,
            scheme = "basic", description = "A game-server user for sessions; an admin user for everything"),
        // The problem answers the resource interfaces refer to by name (ref = "NotFound", ...).
        responses = {
            @APIResponse(name = "BadRequest", description = "Invalid store, key or parameter (a time, limit, cursor, version number or action), or a body that is not well-formed JSON (400)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                examples = @ExampleObject(name = "invalid-name", value = "{\"type\":\"urn:datamanager:problem:invalid-name\",\"title\":\"Invalid store or key\",\"status\":400,\"retryable\":false,\"detail\":\"The key 'Player 1' is not valid: use 1 to 50 characters of A-Z, a-z, 0-9, '_', '-', '.' and ':'.\"}"))),
            @APIResponse(name = "Unauthorized", description = "Missing or wrong HTTP Basic credentials (401)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                examples = @ExampleObject(name = "unauthorized", value = "{\"type\":\"urn:datamanager:problem:unauthorized\",\"title\":\"Authentication required\",\"status\":401,\"retryable\":false,\"detail\":\"The user name or password is wrong.\"}"))),
            @APIResponse(name = "Forbidden", description = "The user lacks the role for this endpoint (403)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                examples = @ExampleObject(name = "forbidden", value = "{\"type\":\"urn:datamanager:problem:forbidden\",\"title\":\"Forbidden\",\"status\":403,\"retryable\":false,\"detail\":\"Your user may not call this endpoint: records and server info need admin.\"}"))),
            @APIResponse(name = "NotFound", description = "Not held here, no such record or version, or unknown store (404)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                examples = @ExampleObject(name = "session-not-held", value = "{\"type\":\"urn:datamanager:problem:session-not-held\",\"title\":\"No session here\",\"status\":404,\"retryable\":false,\"store\":\"PlayerData\",\"key\":\"Player_1\",\"detail\":\"This node holds no session for PlayerData/Player_1. Join first.\"}"))),
            @APIResponse(name = "Refused", description = "Another node holds the lock; Retry-After says when it goes stale (409)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                examples = @ExampleObject(name = "session-refused", value = "{\"type\":\"urn:datamanager:problem:session-refused\",\"title\":\"Save in progress, please rejoin\",\"status\":409,\"retryable\":true,\"store\":\"PlayerData\",\"key\":\"Player_1\",\"detail\":\"Node node-b holds PlayerData/Player_1 (lease renewed 12 s ago). Ask the player to rejoin.\"}"))),
            @APIResponse(name = "SessionLost", description = "The lock was taken over by another node (join again), or the session is being released (type session-leaving) (409)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                examples = @ExampleObject(name = "session-lost", value = "{\"type\":\"urn:datamanager:problem:session-lost\",\"title\":\"Session lost to another node\",\"status\":409,\"retryable\":false,\"store\":\"PlayerData\",\"key\":\"Player_1\",\"detail\":\"The session for PlayerData/Player_1 was lost to node node-b. Join again.\"}"))),
            @APIResponse(name = "TooLarge", description = "The body or the patched document is over datamanager.document.max-bytes (413)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                examples = @ExampleObject(name = "document-too-large", value = "{\"type\":\"urn:datamanager:problem:document-too-large\",\"title\":\"Document too large\",\"status\":413,\"retryable\":false,\"detail\":\"The document is 4194400 bytes of UTF-8 JSON; the limit is 4194304 bytes.\"}"))),
            @APIResponse(name = "UnsupportedMediaType", description = "PATCH needs application/merge-patch+json or application/json-patch+json (415)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                examples = @ExampleObject(name = "unsupported-media-type", value = "{\"type\":\"urn:datamanager:problem:unsupported-media-type\",\"title\":\"Unsupported Media Type\",\"status\":415,\"retryable\":false,\"detail\":\"Send a PATCH body as application/merge-patch+json or application/json-patch+json.\"}"))),
            @APIResponse(name = "InvalidPatch", description = "The patch cannot be applied, or would break the template (422)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                examples = @ExampleObject(name = "invalid-patch", value = "{\"type\":\"urn:datamanager:problem:invalid-patch\",\"title\":\"Patch refused\",\"status\":422,\"retryable\":false,\"detail\":\"/coins must stay a number, as the template has it; the patch makes it a string.\"}"))),
            @APIResponse(name = "Unavailable", description = "The database did not answer or the node is shutting down; retry (Retry-After) (503)", content = @Content(mediaType = Problem.MEDIA_TYPE,
                examples = @ExampleObject(name = "database-unavailable", value = "{\"type\":\"urn:datamanager:problem:database-unavailable\",\"title\":\"Database unavailable\",\"status\":503,\"retryable\":true,\"detail\":\"The database did not answer; retry the request later.\"}")))
        }))
public class DataManagerApplication extends Application {}
