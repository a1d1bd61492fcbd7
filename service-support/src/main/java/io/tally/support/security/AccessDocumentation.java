package io.tally.support.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.examples.Example;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import io.tally.support.problem.Problem;

/**
 * Writes {@link AccessRules} into each service's OpenAPI document at build time, so the documents (and Swagger UI's
 * "Authorize") say what the services enforce: the {@code bearer} and {@code apiKey} security schemes, per operation
 * either no security (open) or either credential with the roles that may call it in the description, and the
 * {@code 401}/{@code 403} answers.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class AccessDocumentation implements OASFilter {

    static final String SCHEME = "bearer";
    /** The gateway's API keys, for machine clients. */
    static final String API_KEY_SCHEME = "apiKey";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null
                || openAPI.getPaths().getPathItems().isEmpty()) {
            return;
        }
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        components.addSecurityScheme(SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                .description("A token from Tally's OIDC provider (locally: .tally/tokens.env, written by ./tally up). "
                        + "Its roles decide which operations it may call."));
        components.addSecurityScheme(API_KEY_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.APIKEY).in(SecurityScheme.In.HEADER).name("X-API-Key")
                .description("An API key an admin created at the gateway (/api/v1/api-keys), for machine clients. "
                        + "The gateway checks it and calls the service with a token of the key's roles."));
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            String concrete = path.getKey().replaceAll("\\{[^}/]+}", "x");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                document(entry.getValue(), AccessRules.ruleFor(entry.getKey().name(), concrete), path.getKey());
            }
        }
    }

    private static void document(Operation operation, Optional<AccessRule> rule, String path) {
        if (rule.isPresent() && rule.get().open()) {
            operation.setSecurity(new ArrayList<>());
            return;
        }
        // either credential will do
        operation.setSecurity(new ArrayList<>(List.of(
                OASFactory.createSecurityRequirement().addScheme(SCHEME, new ArrayList<>()),
                OASFactory.createSecurityRequirement().addScheme(API_KEY_SCHEME, new ArrayList<>()))));
        String roles = rule.map(r -> String.join(", ", r.roles().stream().sorted().map(Role::claim).toList()))
                .orElse("none (no access rule covers this operation)");
        String description = operation.getDescription() == null ? "" : operation.getDescription() + "\n\n";
        operation.setDescription(description + "Roles: " + roles + ".");
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (!responses.hasAPIResponse("401")) {
            responses.addAPIResponse("401", problem("No valid bearer token", "unauthenticated", "Unauthenticated",
                    401, "A bearer token is required", path));
        }
        if (!responses.hasAPIResponse("403")) {
            responses.addAPIResponse("403", problem("The token's roles do not allow this operation", "forbidden",
                    "Forbidden", 403, "This operation needs one of the roles " + roles, path));
        }
    }

    private static APIResponse problem(String description, String slug, String title, int status, String detail,
            String path) {
        Map<String, Object> example = new LinkedHashMap<>();
        example.put("type", "urn:tally:problem:" + slug);
        example.put("title", title);
        example.put("status", status);
        example.put("detail", detail);
        example.put("instance", path);
        Example value = OASFactory.createExample().value(example);
        MediaType media = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref("Problem"))
                .addExample(slug, value);
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
        return OASFactory.createAPIResponse().description(description).content(content);
    }

}
