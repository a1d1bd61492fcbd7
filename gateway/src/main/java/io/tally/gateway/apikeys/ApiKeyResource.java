package io.tally.gateway.apikeys;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.security.identity.SecurityIdentity;
import io.tally.support.problem.Problem;
import io.tally.support.problem.ProblemException;
import io.tally.support.security.Role;

/** API keys for machine clients: created and revoked by an admin, the secret shown once. */
@Path("/api/v1/api-keys")
@Tag(name = "API keys")
@Produces(MediaType.APPLICATION_JSON)
public class ApiKeyResource {

    static final String CREATED_EXAMPLE = """
            {"id": "0b6f9d1e-3c1a-4f0e-9a57-5d2b8c1e7f40", "name": "Looker nightly extract", "roles": ["analyst"],
             "createdAt": "2026-12-03T09:00:00Z", "createdBy": "admin",
             "key": "tally_0b6f9d1e3c1a4f0e9a575d2b8c1e7f40.q3J6mVtY9wR2sXcN8bF1hK4pL7dA0eG5uZ-iO_jM2Tw"}""";
    static final String KEY_EXAMPLE = """
            {"id": "0b6f9d1e-3c1a-4f0e-9a57-5d2b8c1e7f40", "name": "Looker nightly extract", "roles": ["analyst"],
             "createdAt": "2026-12-03T09:00:00Z", "createdBy": "admin", "lastUsedAt": "2026-12-04T02:00:12Z"}""";
    static final String LIST_EXAMPLE = """
            {"items": [
              {"id": "0b6f9d1e-3c1a-4f0e-9a57-5d2b8c1e7f40", "name": "Looker nightly extract", "roles": ["analyst"],
               "createdAt": "2026-12-03T09:00:00Z", "createdBy": "admin", "lastUsedAt": "2026-12-04T02:00:12Z"},
              {"id": "5e2a7c44-90b1-4d3f-8e6a-1f0c9b2d3a75", "name": "POS import job", "roles": ["ingest"],
               "createdAt": "2026-11-02T08:00:00Z", "createdBy": "admin", "revokedAt": "2026-12-01T10:00:00Z",
               "revokedBy": "admin"}]}""";
    static final String REQUEST_EXAMPLE = """
            {"name": "Looker nightly extract", "roles": ["analyst"]}""";
    static final String INVALID_EXAMPLE = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "1 field is invalid", "instance": "/api/v1/api-keys",
             "errors": [{"field": "roles[0]", "reason": "is not a role: owner (analyst, finance, marketer, ingest, admin)"}]}""";
    static final String NOT_FOUND_EXAMPLE = """
            {"type": "urn:tally:problem:not-found", "title": "Not found", "status": 404,
             "detail": "API key 0b6f9d1e-3c1a-4f0e-9a57-5d2b8c1e7f40 does not exist",
             "instance": "/api/v1/api-keys/0b6f9d1e-3c1a-4f0e-9a57-5d2b8c1e7f40"}""";

    @Inject
    ApiKeys keys;

    @Inject
    SecurityIdentity caller;

    /** What an admin asks for. */
    public record NewApiKey(
            @Schema(description = "What the key is for", examples = "Looker nightly extract") @NotBlank @Size(max = 100) String name,
            @Schema(description = "Roles the key carries: analyst, finance, marketer, ingest, admin", examples = "[\"analyst\"]") @NotNull @NotEmpty List<@NotBlank String> roles) {
    }

    /** A key as listed: never its secret. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiKeyView(UUID id, String name, List<String> roles, Instant createdAt, String createdBy,
            Instant lastUsedAt, Instant revokedAt, String revokedBy,
            @Schema(description = "The key itself: only in the answer to its creation, never again") String key) {

        static ApiKeyView of(ApiKey key, String value) {
            return new ApiKeyView(key.getId(), key.getName(), key.getRoles().stream().map(Role::claim).toList(),
                    key.getCreatedAt(), key.getCreatedBy(), key.getLastUsedAt(), key.getRevokedAt(),
                    key.getRevokedBy(), value);
        }
    }

    /** All keys, newest first. */
    public record ApiKeyList(List<ApiKeyView> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an API key", description = "Creates a key for a machine client (a BI extract, a "
            + "scheduled import) carrying the given roles. The answer holds the key itself (tally_<id>.<secret>) "
            + "this once: Tally keeps only a SHA-256 hash of the secret. Clients send it in the X-API-Key header.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NewApiKey.class), examples = @ExampleObject(name = "analyst key", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; the key is shown only here", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class), examples = @ExampleObject(name = "created", value = CREATED_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "A missing name or an unknown role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = INVALID_EXAMPLE)))
    public Response create(@Valid @NotNull NewApiKey request) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (int i = 0; i < request.roles().size(); i++) {
            String claim = request.roles().get(i).trim();
            int index = i;
            roles.add(Role.fromClaim(claim).orElseThrow(() -> ProblemException.invalid("roles[" + index + "]",
                    "is not a role: " + claim + " (analyst, finance, marketer, ingest, admin)")));
        }
        ApiKeys.Created created = keys.create(request.name().trim(), roles, caller.getPrincipal().getName());
        return Response.created(URI.create("/api/v1/api-keys/" + created.key().getId()))
                .entity(ApiKeyView.of(created.key(), created.value())).build();
    }

    @GET
    @Operation(summary = "List API keys", description = "Every key, newest first, with its roles, who created it, "
            + "when it was last used (to the minute) and, if revoked, when and by whom. Never the secret.")
    @APIResponse(responseCode = "200", description = "The keys", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyList.class), examples = @ExampleObject(name = "keys", value = LIST_EXAMPLE)))
    public ApiKeyList list() {
        return new ApiKeyList(keys.list().stream().map(key -> ApiKeyView.of(key, null)).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an API key", description = "One key as listed: roles, creation, last use, revocation.")
    @APIResponse(responseCode = "200", description = "The key", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyView.class), examples = @ExampleObject(name = "key", value = KEY_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
    public ApiKeyView get(@PathParam("id") UUID id) {
        return ApiKeyView.of(keys.get(id), null);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key", description = "The key stops working at once (the next call with it "
            + "answers 401); it stays listed with revokedAt and revokedBy. Revoking it again changes nothing.")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such key", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = NOT_FOUND_EXAMPLE)))
    public Response revoke(@PathParam("id") UUID id) {
        keys.revoke(id, caller.getPrincipal().getName());
        return Response.noContent().build();
    }
}
