package io.tally.connectors.offline.rest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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

import io.tally.connectors.offline.service.ImportJob;
import io.tally.connectors.offline.service.ImportJobService;
import io.tally.connectors.offline.service.OfflineImportService;
import io.tally.events.validation.Violations;
import io.tally.support.http.QueryValues;
import io.tally.support.problem.Problem;
import io.tally.support.problem.ProblemException;

/** Offline CSV imports: upload a file, follow its job, download its rejected rows. */
@Path(ImportResource.BASE)
@Tag(name = "Offline imports", description = "Bulk CSV imports of offline touchpoints, point-of-sale conversions and refunds")
public class ImportResource {

    static final String BASE = "/api/v1/imports";
    static final String CSV = "text/csv";
    static final int DEFAULT_LISTED = 20;
    static final int MAX_LISTED = 100;

    @Inject
    OfflineImportService imports;
    @Inject
    ImportJobService jobs;
    @Inject
    RejectsReport report;

    @POST
    @Path("/offline")
    @Consumes(MediaType.WILDCARD) // checked in the service, so a wrong type gets a problem that says what to send
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Upload an offline CSV file", description = "Streams a UTF-8 CSV file (header row first) into an "
            + "import job. The header row is checked before anything else is read: every mapped column must be in it "
            + "(else 422, nothing created). The rest is spooled to disk while counting bytes (over the limit: 413, "
            + "nothing kept), then the job is queued and 202 answers with its Location; rows are processed in the "
            + "background in chunks, each row becoming a touchpoint (kind=touchpoints: event attendance, calls, direct "
            + "mail, store visits; interaction offline_contact, source = type, channel by type: mail_drop direct_mail, call "
            + "phone, event events, store_visit retail, others offline, or the row's own channel column) or a conversion "
            + "(kind=conversions: point-of-sale sales; id order:<orderId>, source pos) or a refund (kind=refunds: revenue "
            + "taken back from a booked order of any source; id refund:<refundId>, the id the Shopify refunds webhook "
            + "gives the same refund, so it is taken back once; the amount must be greater than zero, in the order's "
            + "currency). Imports are authenticated, so their events are verified: this is how a shop without a signed "
            + "webhook refunds, since the open collector cannot. Bad rows become dead letters on "
            + "tally.rejects and lines of the job's rejects report. Columns are read from default headers per kind "
            + "(touchpoints: type, occurred_at, loyalty_id, email, phone, customer_id, code; conversions: order_id, "
            + "occurred_at, amount, currency, loyalty_id, email, phone, customer_id, coupon_code; refunds: refund_id, order_id, "
            + "occurred_at, amount, currency, reason), overridden with "
            + "query parameters column.<field>=<header> (e.g. column.occurredAt=Call%20Start). Event ids are stable, "
            + "so uploading the same or an overlapping file again publishes no duplicates.")
    @RequestBody(required = true, description = "The CSV file, header row first", content = @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING, format = "binary"), examples = {
            @ExampleObject(name = "point of sale", summary = "A POS export (kind=conversions)", value = ImportExamples.POS_CSV),
            @ExampleObject(name = "refunds", summary = "A refund export from the shop's back office (kind=refunds)", value = ImportExamples.REFUNDS_CSV),
            @ExampleObject(name = "call centre", summary = "A call-centre log (kind=touchpoints, column.occurredAt=Call Start, column.phone=Caller Phone, column.customerId=Customer No, column.type=Outcome, column.code=Campaign)", value = ImportExamples.CALL_CENTRE_CSV)}))
    @APIResponse(responseCode = "202", description = "The upload was spooled and the job queued", headers = @Header(name = "Location", description = "The job: /api/v1/imports/{id}", schema = @Schema(type = SchemaType.STRING)), content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportCreatedResponse.class), examples = @ExampleObject(name = "queued", value = ImportExamples.CREATED)))
    @APIResponse(responseCode = "400", description = "Unknown kind, or a column.<field> parameter naming no field of the kind", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown field", value = ImportExamples.INVALID)))
    @APIResponse(responseCode = "413", description = "The upload is larger than tally.connectors.offline.max-upload-bytes; nothing was kept", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "too large", value = ImportExamples.TOO_LARGE)))
    @APIResponse(responseCode = "415", description = "The body is not UTF-8 text/csv", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unsupported", value = ImportExamples.UNSUPPORTED)))
    @APIResponse(responseCode = "422", description = "No header row, or a mapped column (required or explicitly mapped) is not in it; nothing was created", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "missing column", value = ImportExamples.UNPROCESSABLE)))
    public Response upload(
            @Parameter(description = "What the rows are", required = true, schema = @Schema(enumeration = {
                    "touchpoints", "conversions", "refunds"})) @QueryParam("kind") String kind,
            HttpHeaders headers, UriInfo uri, InputStream body) throws IOException {
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        ImportJob job = imports.upload(kind, uri.getQueryParameters(), headers.getMediaType(),
                length == null || length.isBlank() ? null : parseLength(length), body);
        ImportCreatedResponse created = new ImportCreatedResponse(job.id(), job.status(), job.kind(),
                ImportCreatedResponse.linksOf(job.id()));
        return Response.accepted(created).header(HttpHeaders.LOCATION, created.links().self()).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List recent import jobs", description = "The most recent offline import jobs, newest first, "
            + "each with its status and counters as GET /api/v1/imports/{id} gives them: what the dashboard's data "
            + "page follows. At most limit jobs (1 to " + MAX_LISTED + ", " + DEFAULT_LISTED + " when omitted).")
    @APIResponse(responseCode = "200", description = "The jobs, newest first", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ImportJobResponse.class), examples = @ExampleObject(name = "recent", value = "["
            + ImportExamples.JOB + "]")))
    @APIResponse(responseCode = "400", description = "limit is not a whole number from 1 to "
            + MAX_LISTED, content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad limit", value = ImportExamples.BAD_LIMIT)))
    public List<ImportJobResponse> recent(
            @Parameter(description = "How many jobs, 1 to "
                    + MAX_LISTED, example = "20") @QueryParam("limit") String limit) {
        Violations v = new Violations();
        Integer n = QueryValues.integer(v, "limit", limit, DEFAULT_LISTED, 1, MAX_LISTED);
        v.throwIfAny();
        return jobs.recent(n).stream().map(ImportJobResponse::of).toList();
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Follow an import job", description = "The job's status (queued, running, completed, failed) "
            + "and counters, updated after each chunk: rowsRead = accepted + deduplicated + rejected once completed.")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportJobResponse.class), examples = @ExampleObject(name = "completed", value = ImportExamples.JOB)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ImportExamples.NOT_FOUND)))
    public ImportJobResponse find(
            @Parameter(description = "The job id from the upload's answer") @PathParam("id") String id) {
        return ImportJobResponse.of(existing(id));
    }

    @GET
    @Path("/{id}/rejects")
    @Produces({CSV, MediaType.APPLICATION_JSON})
    @Operation(summary = "Download an import's rejected rows", description = "One line per reason a row was rejected, "
            + "in row order (row 1 = the first data row after the header): the row number, the column header as in "
            + "the file, the reason, and the raw row with e-mail and phone cells masked as ***. As CSV (the default; "
            + "header row, served as an attachment) or, with Accept: application/json, as a JSON list. Streamed; "
            + "complete once the job is.")
    @APIResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING), examples = @ExampleObject(name = "csv", value = ImportExamples.REJECTS_CSV)),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = RejectedRowResponse.class), examples = @ExampleObject(name = "json", value = ImportExamples.REJECTS_JSON))}, headers = @Header(name = "Content-Disposition", description = "CSV only: attachment; filename=\"import-<id>-rejects.csv\"", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such job", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = ImportExamples.NOT_FOUND)))
    public Response rejects(@Parameter(description = "The job id from the upload's answer") @PathParam("id") String id,
            HttpHeaders headers) {
        ImportJob job = existing(id);
        if (wantsJson(headers)) {
            return Response.ok(report.json(job.id()), MediaType.APPLICATION_JSON).build();
        }
        return Response.ok(report.csv(job.id()), CSV + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"import-" + job.id() + "-rejects.csv\"")
                .build();
    }

    private ImportJob existing(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("import " + id);
        }
        return jobs.find(uuid).orElseThrow(() -> ProblemException.notFound("import " + id));
    }

    /** JSON when the client prefers it to CSV; CSV for no Accept, wildcards, or text/csv. */
    private static boolean wantsJson(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType() || type.isCompatible(MediaType.valueOf(CSV))) {
                return false;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return true;
            }
        }
        return false;
    }

    private static long parseLength(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("Content-Length", "must be a number of bytes");
        }
    }
}
