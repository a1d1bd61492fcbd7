package io.tally.attribution.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.attribution.service.CreditService;

/** Which attribution models exist and which credit live conversions. */
@Path("/api/v1/attribution/models")
@Tag(name = "Models", description = "Attribution models")
@Produces(MediaType.APPLICATION_JSON)
public class ModelResource {

    /** The models of this release, and those crediting live conversions. */
    public record Models(List<String> known, List<String> enabled) {
    }

    @Inject
    CreditService credits;

    @GET
    @Operation(summary = "List attribution models", description = """
            `known` lists every model this release can report; `enabled` those that credit each incoming \
            conversion (configuration key tally.attribution.models).""")
    @APIResponse(responseCode = "200", description = "The models", content = @Content(examples = @ExampleObject(name = "models", value = """
            {"known":["first_touch","last_touch","last_non_direct","linear","time_decay","position_based","j_curve",
                     "inverse_j","custom"],"enabled":["first_touch","last_touch","last_non_direct","linear"]}""")))
    public Models list() {
        return new Models(credits.knownModels(), credits.enabledModels());
    }
}
