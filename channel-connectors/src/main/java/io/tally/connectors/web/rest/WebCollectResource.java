package io.tally.connectors.web.rest;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.connectors.pipeline.Ingested;
import io.tally.connectors.web.service.WebCollectService;
import io.tally.support.problem.Problem;

/** The web collector: beacons post page views, clicks, sign-ups and purchases here (refunds are refused). */
@Path("/api/v1/collect")
@Tag(name = "Web collector", description = "Page views, clicks, sign-ups and purchases from the site beacon")
public class WebCollectResource {

    @Inject
    WebCollectService service;

    @Inject
    ObjectMapper mapper;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Collect beacon events", description = "Accepts one event object or an array of them. "
            + "page_view and click become touchpoints on tally.touchpoints (interaction visit or click; channel from the "
            + "configured overrides, click ids, UTM parameters and referrer; a page_view referred by the site itself "
            + "without UTM parameters or a click id is internal navigation, interaction page_view, never a touch); sign_up an identity link of anonymousId, "
            + "userId and the SHA-256 of properties.email on tally.identity-links; purchase a conversion "
            + "(order:<orderId>) on tally.conversions, marked unverified: a signed or authenticated statement of the "
            + "same order (the Shopify webhook, an offline import) replaces its revenue. A refund is refused (400 on "
            + "field type): anyone can call the collector, so it cannot take revenue back; refunds come from the "
            + "Shopify refunds webhook. With consent.analytics false an event keeps no identifier but an opaque "
            + "one of its own (a sign_up then publishes nothing); a missing consent object counts as consent given "
            + "(tally.connectors.web-rules.assume-consent). The request is all or nothing: if any event is invalid, "
            + "nothing is published and every bad field is listed. 202 is answered only after the broker acknowledged "
            + "every event; event ids are stable, so a retry is safe.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {
            WebEventRequest.class, WebEventRequest[].class}), examples = {
                    @ExampleObject(name = "page view", summary = "A single page view from an email campaign", value = WebCollectExamples.PAGE_VIEW),
                    @ExampleObject(name = "batch", summary = "A page view and a purchase", value = WebCollectExamples.BATCH),
                    @ExampleObject(name = "journey", summary = "An ad click, a sign-up and a purchase", value = WebCollectExamples.JOURNEY),
                    @ExampleObject(name = "no consent", summary = "A purchase without analytics consent: counted, unlinked", value = WebCollectExamples.NO_CONSENT)}))
    @APIResponse(responseCode = "202", description = "Every event was acknowledged by the broker", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WebCollectResponse.class), examples = @ExampleObject(name = "accepted", value = WebCollectExamples.ACCEPTED)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or invalid events; nothing was published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = WebCollectExamples.INVALID)))
    @APIResponse(responseCode = "413", description = "More events than the configured batch size", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "too large", value = WebCollectExamples.TOO_LARGE)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; retry with the same body", headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unavailable", value = WebCollectExamples.UNAVAILABLE)))
    public Response collect(byte[] body) throws IOException {
        // an empty body reaches the service as null (named there); a syntax error goes to the shared problem mapper
        JsonNode tree = body == null || body.length == 0 ? null : mapper.readTree(body);
        Ingested ingested = service.collect(tree);
        return Response.accepted(new WebCollectResponse(ingested.eventIds().size(), ingested.eventIds(),
                ingested.duplicates().size())).build();
    }
}
