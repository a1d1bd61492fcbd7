package io.tally.connectors.email.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

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

import io.tally.connectors.email.service.EspWebhookService;
import io.tally.support.problem.Problem;

/** Tally's generic ESP format, for providers without a dedicated adapter. */
@Path("/api/v1/webhooks/esp/{provider}")
@Tag(name = "Email webhooks", description = "Signed ESP webhooks: email opens and clicks become touchpoints")
public class EspWebhookResource {

    static final String SIGNATURE = "X-Tally-Signature";

    @Inject
    EspWebhookService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive opens and clicks in Tally's generic ESP format", description = "For any ESP without a "
            + "dedicated adapter. The body is a JSON array of {id, type (open|click), email, timestamp (ISO-8601), "
            + "campaign?, url? (required for clicks)}; X-Tally-Signature is sha256=<hex HMAC-SHA256 of the raw body> "
            + "under the provider's secret (tally.connectors.email.generic.secrets.<provider>). A provider without a "
            + "secret is unknown (404). open → touchpoint email_open, click → touchpoint click; event ids "
            + "esp:<provider>:<id>; campaign code = campaign, else the URL's utm_campaign. All or nothing.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = EspEventRequest.class), examples = @ExampleObject(name = "open and click", value = EmailWebhookExamples.ESP)))
    @APIResponse(responseCode = "200", description = "Processed: touches acknowledged by the broker, redeliveries counted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmailWebhookResponse.class), examples = @ExampleObject(name = "processed", value = """
            {"accepted": 2, "deduplicated": 0, "ignored": 0,
             "eventIds": ["esp:acme:evt-20261122-000417", "esp:acme:evt-20261122-000418"]}""")))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid events; nothing was published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "2 fields are invalid", "instance": "/api/v1/webhooks/esp/acme",
             "errors": [{"field": "[0].type", "reason": "must be one of open, click"},
                        {"field": "[1].email", "reason": "must be an email address"}]}""")))
    @APIResponse(responseCode = "401", description = "Missing or wrong X-Tally-Signature; nothing was published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad signature", value = """
            {"type": "urn:tally:problem:unauthorized", "title": "Unauthorized", "status": 401,
             "detail": "the signature does not match the body", "instance": "/api/v1/webhooks/esp/acme"}""")))
    @APIResponse(responseCode = "404", description = "No secret is configured for this provider", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unknown provider", value = EmailWebhookExamples.UNKNOWN_PROVIDER)))
    @APIResponse(responseCode = "413", description = "The body exceeds the request size limit; it was not read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "too large", value = EmailWebhookExamples.TOO_LARGE)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; retry with the same body", headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unavailable", value = EmailWebhookExamples.UNAVAILABLE)))
    public EmailWebhookResponse receive(
            @Parameter(description = "The provider's name, as configured under tally.connectors.email.generic.secrets", example = "acme") @PathParam("provider") String provider,
            @Parameter(description = "sha256=<lower-case hex HMAC-SHA256 of the raw body under the provider's secret>") @HeaderParam(SIGNATURE) String signature,
            byte[] body) {
        return EmailWebhookResponse.of(service.receive(provider, signature, body));
    }
}
