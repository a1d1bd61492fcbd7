package io.tally.campaign.programmes;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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

import io.tally.campaign.api.ApiExamples;
import io.tally.campaign.api.HistoryPage;
import io.tally.campaign.api.Paging;
import io.tally.campaign.api.ProgrammePage;
import io.tally.campaign.api.ProgrammeRequest;
import io.tally.campaign.api.ProgrammeResponse;
import io.tally.support.etag.ETags;
import io.tally.support.problem.Problem;

/** {@code /api/v1/programmes}: create, read, replace (conditionally), list programmes, and their history. */
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
                .tag(ETags.tag(created.version())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a programme", description = "The programme with the given id. The ETag header holds its"
            + " version: send it back in If-Match to replace the programme.")
    @APIResponse(responseCode = "200", description = "The programme", headers = @Header(name = "ETag", description = "The programme's version, quoted", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeResponse.class), examples = @ExampleObject(name = "programme", value = ApiExamples.PROGRAMME)))
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.PROGRAMME_NOT_FOUND)))
    public Response find(@Parameter(description = "Programme id") @PathParam("id") UUID id) {
        ProgrammeResponse programme = programmes.findProgramme(id);
        return Response.ok(programme).tag(ETags.tag(programme.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a programme", description = "Replaces every setting of the programme (omitted optional"
            + " fields take their defaults). Requires If-Match with the ETag from the last read: a programme changed"
            + " since is 412, a request without If-Match 428. A closed programme is not reopened (409). A change of"
            + " name, currency, time zone or lookback republishes the programme's campaigns (CampaignChanged), so"
            + " attribution uses the new settings. The change is recorded in the programme's history.")
    @RequestBody(required = true, content = @Content(schema = @Schema(implementation = ProgrammeRequest.class), examples = @ExampleObject(name = "programme", value = ApiExamples.PROGRAMME_REQUEST)))
    @APIResponse(responseCode = "200", description = "Replaced; the ETag header holds the new version", headers = @Header(name = "ETag", description = "The programme's new version, quoted", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammeResponse.class), examples = @ExampleObject(name = "replaced", value = ApiExamples.PROGRAMME)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = ApiExamples.PROGRAMME_INVALID)))
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.PROGRAMME_NOT_FOUND)))
    @APIResponse(responseCode = "409", description = "The programme is closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "closed", value = ApiExamples.PROGRAMME_CLOSED)))
    @APIResponse(responseCode = "412", description = "The programme changed since the ETag in If-Match", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "stale", value = ApiExamples.PROGRAMME_STALE)))
    @APIResponse(responseCode = "428", description = "No If-Match header", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unconditional", value = ApiExamples.PROGRAMME_UNCONDITIONAL)))
    public Response replace(@Parameter(description = "Programme id") @PathParam("id") UUID id,
            @Parameter(description = "The ETag of the version this change is based on", example = "\"3\"") @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProgrammeRequest request) {
        ProgrammeResponse replaced = programmes.replaceProgramme(id, ifMatch, request);
        return Response.ok(replaced).tag(ETags.tag(replaced.version())).build();
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "A programme's history", description = "Who changed the programme, when, to which version,"
            + " and each changed field's old and new value; newest first.")
    @APIResponse(responseCode = "200", description = "One page of changes", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryPage.class), examples = @ExampleObject(name = "history", value = ApiExamples.PROGRAMME_HISTORY)))
    @APIResponse(responseCode = "404", description = "No such programme", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ApiExamples.PROGRAMME_NOT_FOUND)))
    public HistoryPage history(@Parameter(description = "Programme id") @PathParam("id") UUID id,
            @Parameter(description = "Zero-based page index, at most "
                    + Paging.MAX_INDEX, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size (capped)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", defaultValue = "50")) @QueryParam("size") @DefaultValue("50") String size) {
        Paging paging = Paging.of(page, size);

        return programmes.history(id, paging.page(), paging.size());
    }

    @GET
    @Operation(summary = "List programmes", description = "Programmes one page at a time, optionally only those in a"
            + " status or whose name contains a text (case-insensitive), sorted by createdAt (default), name,"
            + " startDate or status; '-' before the field sorts descending. Page sizes above the configured maximum"
            + " (tally.api.max-page-size, 200 by default) are capped.")
    @APIResponse(responseCode = "200", description = "One page of programmes", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProgrammePage.class), examples = @ExampleObject(name = "page", value = ApiExamples.PROGRAMME_PAGE)))
    @APIResponse(responseCode = "400", description = "Negative page, size below 1, unknown status or sort field", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = ApiExamples.PAGE_INVALID)))
    public ProgrammePage list(
            @Parameter(description = "Zero-based page index, at most "
                    + Paging.MAX_INDEX, schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "0", maximum = "1000000", defaultValue = "0")) @QueryParam("page") @DefaultValue("0") String page,
            @Parameter(description = "Page size (capped)", schema = @Schema(type = SchemaType.INTEGER, format = "int32", minimum = "1", defaultValue = "50")) @QueryParam("size") @DefaultValue("50") String size,
            @Parameter(description = "Only programmes in this status (draft, active, closed)", example = "active") @QueryParam("status") String status,
            @Parameter(description = "Only programmes whose name contains this text", example = "spring") @QueryParam("name") String name,
            @Parameter(description = "Sort field, '-' first for descending", example = "-createdAt") @QueryParam("sort") String sort) {
        Paging paging = Paging.of(page, size);

        return programmes.findProgrammes(paging.page(), paging.size(), status, name, sort);
    }
}
