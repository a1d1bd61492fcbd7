package io.tally.connectors.email.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.connectors.email.service.MailgunWebhookService;
import io.tally.support.problem.Problem;

/** Mailgun webhooks (signed, one-time tokens): opened and clicked become email touchpoints. */
@Path("/api/v1/webhooks/mailgun")
@Tag(name = "Email webhooks", description = "Signed ESP webhooks: email opens and clicks become touchpoints")
public class MailgunWebhookResource {

    @Inject
    MailgunWebhookService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a Mailgun webhook", description = "Verifies signature.signature = hex "
            + "HMAC-SHA256(signing key, signature.timestamp + signature.token), refuses timestamps outside the "
            + "tolerance and tokens used before (replays) — before event-data is read. Then opened → touchpoint "
            + "email_open, clicked → touchpoint click with the URL; other events (accepted, delivered, failed, "
            + "rejected, unsubscribed, complained, stored, …) are ignored. The event id is mailgun:<event-data.id>. "
            + "Only the SHA-256 of the trimmed, lower-cased recipient is kept. A token is consumed only when the "
            + "delivery was processed (200).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT, description = "A Mailgun webhook as Mailgun sends it"), examples = @ExampleObject(name = "clicked", summary = "A click with UTM parameters", value = EmailWebhookExamples.MAILGUN)))
    @APIResponse(responseCode = "200", description = "Processed: the touch acknowledged by the broker, or counted as a redelivery or ignored", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmailWebhookResponse.class), examples = @ExampleObject(name = "processed", value = """
            {"accepted": 1, "deduplicated": 0, "ignored": 0, "eventIds": ["mailgun:Ase7i2zsRYeDXztHGENqRA"]}""")))
    @APIResponse(responseCode = "400", description = "Malformed JSON or an invalid event-data; nothing was published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = """
            {"type": "urn:tally:problem:validation", "title": "Invalid request", "status": 400,
             "detail": "event-data.recipient is required", "instance": "/api/v1/webhooks/mailgun",
             "errors": [{"field": "event-data.recipient", "reason": "is required"}]}""")))
    @APIResponse(responseCode = "401", description = "Missing or wrong signature, a stale timestamp, or a replayed token; nothing was published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "replayed", value = EmailWebhookExamples.REPLAYED)))
    @APIResponse(responseCode = "413", description = "The body exceeds the request size limit; it was not read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "too large", value = EmailWebhookExamples.TOO_LARGE)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; the token is freed, so Mailgun's retry is accepted", headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unavailable", value = EmailWebhookExamples.UNAVAILABLE)))
    public EmailWebhookResponse receive(byte[] body) {
        return EmailWebhookResponse.of(service.receive(body));
    }
}
