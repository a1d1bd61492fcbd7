package io.tally.campaign.rest;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.campaign.service.ProgrammeService;
import io.tally.support.problem.Problem;

/** {@code /api/v1/programmes}: create, read and list programmes. */
@Path("/api/v1/programmes")
@Tag(name = "Programmes", description = "Integrated marketing programmes: reporting currency, time zone and lookback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProgrammeResource {

    @Inject
    ProgrammeService programmes;

    @POST
    @Operation(summary = "Create a programme", description = "Creates a programme. The reporting currency is an ISO 4217"
            + " code, the time zone an IANA zone id, and the lookback window 1 to 90 days (30 when omitted).")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ProgrammeRequest.class), examples = @ExampleObject(name = "programme", value = ApiExamples.PROGRAMME_REQUEST)))
    @APIResponse(responseCode = "201", description = "Created; Location is the programme's URL", headers = @Header(name = "Location", description = "URL of the new programme", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeResponse.class), examples = @ExampleObject(name = "created", value = ApiExamples.PROGRAMME)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = ApiExamples.PROGRAMME_INVALID)))
    public Response create(@Valid @NotNull ProgrammeRequest request, @Context UriInfo uri) {
        ProgrammeResponse created = programmes.createProgramme(request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a programme", description = "The programme with the given id.")
    @APIResponse(responseCode = "200", description = "The programme", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeResponse.class), examples = @ExampleObject(name = "programme", value = ApiExamples.PROGRAMME)))
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.PROGRAMME_NOT_FOUND)))
    public ProgrammeResponse find(@Parameter(description = "Programme id") @PathParam("id") UUID id) {
        return programmes.findProgramme(id);
    }

    @GET
    @Operation(summary = "List programmes", description = "Programmes sorted by creation time, one page at a time."
            + " Page sizes above the configured maximum (tally.api.max-page-size, 200 by default) are capped.")
    @APIResponse(responseCode = "200", description = "One page of programmes", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammePage.class), examples = @ExampleObject(name = "page", value = ApiExamples.PROGRAMME_PAGE)))
    @APIResponse(responseCode = "400", description = "Negative page or size below 1", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = ApiExamples.PAGE_INVALID)))
    public ProgrammePage list(
            @Parameter(description = "Zero-based page index") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Page size (capped)") @QueryParam("size") @DefaultValue("50") @Min(1) int size) {
        return programmes.findProgrammes(page, size);
    }
}
