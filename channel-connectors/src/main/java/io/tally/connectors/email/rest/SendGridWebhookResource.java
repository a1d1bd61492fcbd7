package io.tally.connectors.email.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.connectors.email.service.SendGridWebhookService;
import io.tally.support.problem.Problem;

/** The SendGrid Event Webhook (signed): opens and clicks become email touchpoints. */
@Path("/api/v1/webhooks/sendgrid")
@Tag(name = "Email webhooks", description = "Signed ESP webhooks: email opens and clicks become touchpoints")
public class SendGridWebhookResource {

    static final String SIGNATURE = "X-Twilio-Email-Event-Webhook-Signature";
    static final String TIMESTAMP = "X-Twilio-Email-Event-Webhook-Timestamp";

    @Inject
    SendGridWebhookService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a SendGrid Event Webhook delivery", description = "Verifies the ECDSA P-256 signature "
            + "(X-Twilio-Email-Event-Webhook-Signature, base64 DER) over the X-Twilio-Email-Event-Webhook-Timestamp "
            + "value followed by the raw body, with the configured verification key, and refuses timestamps outside "
            + "the tolerance (replays) — before the body is parsed. Then open → touchpoint email_open, click → "
            + "touchpoint click with the URL; processed, delivered, deferred, dropped, bounce, spamreport, unsubscribe, "
            + "group_unsubscribe, group_resubscribe (and machine opens) are ignored. Event ids are "
            + "sendgrid:<sg_event_id>, so a redelivery is not published again. Only the SHA-256 of the trimmed, "
            + "lower-cased address is kept. All or nothing: one bad open or click answers 400 and nothing is published.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, description = "SendGrid events as SendGrid sends them"), examples = @ExampleObject(name = "open, click, delivered", summary = "A delivery with an open, a click and an ignored delivered event", value = EmailWebhookExamples.SENDGRID)))
    @APIResponse(responseCode = "200", description = "Processed: touches acknowledged by the broker, redeliveries and ignored events counted", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EmailWebhookResponse.class), examples = @ExampleObject(name = "processed", value = EmailWebhookExamples.PROCESSED)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid opens/clicks; nothing was published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = EmailWebhookExamples.INVALID)))
    @APIResponse(responseCode = "401", description = "Missing or wrong signature, or a timestamp outside the tolerance; nothing was published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "bad signature", value = EmailWebhookExamples.BAD_SIGNATURE)))
    @APIResponse(responseCode = "413", description = "The body exceeds the request size limit; it was not read", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "too large", value = EmailWebhookExamples.TOO_LARGE)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; SendGrid retries the same delivery", headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unavailable", value = EmailWebhookExamples.UNAVAILABLE)))
    public EmailWebhookResponse receive(
            @Parameter(description = "Base64 DER ECDSA P-256 signature of timestamp + raw body") @HeaderParam(SIGNATURE) String signature,
            @Parameter(description = "Unix seconds when SendGrid signed the delivery") @HeaderParam(TIMESTAMP) String timestamp,
            byte[] body) {
        return EmailWebhookResponse.of(service.receive(signature, timestamp, body));
    }
}
