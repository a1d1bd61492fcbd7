package io.tally.connectors.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tally.connectors.web.service.ShopifyWebhookService;
import io.tally.support.problem.Problem;

/** Shopify order and refund webhooks. */
@Path("/api/v1/webhooks/shopify")
@Tag(name = "Shopify webhooks", description = "Orders and refunds from a Shopify store, signed with the app secret")
public class ShopifyWebhookResource {

    @Inject
    ShopifyWebhookService service;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Receive a Shopify webhook", description = "Verifies X-Shopify-Hmac-Sha256 (base64 HMAC-SHA256 of "
            + "the raw body under tally.connectors.shopify.secret) before reading anything. orders/create becomes a "
            + "conversion on tally.conversions with id order:<order id> (the site beacon must send the same Shopify "
            + "order id as orderId, so an order seen by both counts once; the first report wins); the e-mail is "
            + "hashed, never stored or published. refunds/create becomes a refund adjustment "
            + "(refund:<refund id>) of the summed refund transactions. Any other topic is acknowledged with 202 and "
            + "ignored, so Shopify does not retry it. Redeliveries are deduplicated by event id.")
    @Parameter(name = "X-Shopify-Topic", in = ParameterIn.HEADER, required = true, description = "orders/create or refunds/create; others are ignored", example = "orders/create")
    @Parameter(name = "X-Shopify-Hmac-Sha256", in = ParameterIn.HEADER, required = true, description = "Base64 HMAC-SHA256 of the raw body", example = "XWmrwMey6OsLMeiZKwP4FppHH3cmAiiJJAweH5Jo4bM=")
    @Parameter(name = "X-Shopify-Webhook-Id", in = ParameterIn.HEADER, description = "Shopify's delivery id (logged)", example = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT), examples = {
            @ExampleObject(name = "orders/create", summary = "A paid order with a discount code", value = ShopifyWebhookExamples.ORDER),
            @ExampleObject(name = "refunds/create", summary = "A refund of one line item", value = ShopifyWebhookExamples.REFUND)}))
    @APIResponse(responseCode = "202", description = "Published (or published before), or an ignored topic", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ShopifyWebhookResponse.class), examples = {
            @ExampleObject(name = "accepted", value = ShopifyWebhookExamples.ACCEPTED),
            @ExampleObject(name = "ignored", value = ShopifyWebhookExamples.IGNORED)}))
    @APIResponse(responseCode = "400", description = "Missing topic, malformed JSON or an invalid order/refund; nothing was published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "invalid", value = ShopifyWebhookExamples.INVALID)))
    @APIResponse(responseCode = "401", description = "Missing or wrong signature; nothing was read or published", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthorized", value = ShopifyWebhookExamples.UNAUTHORIZED)))
    @APIResponse(responseCode = "413", description = "Body larger than tally.connectors.limits.max-request-bytes", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "too large", value = ShopifyWebhookExamples.TOO_LARGE)))
    @APIResponse(responseCode = "503", description = "Kafka did not acknowledge in time; Shopify retries the delivery", headers = @Header(name = "Retry-After", description = "Seconds to wait before retrying", schema = @Schema(type = SchemaType.INTEGER)), content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unavailable", value = ShopifyWebhookExamples.UNAVAILABLE)))
    public Response receive(@HeaderParam("X-Shopify-Topic") String topic,
            @HeaderParam("X-Shopify-Hmac-Sha256") String hmac,
            @HeaderParam("X-Shopify-Webhook-Id") String webhookId, byte[] body) {
        ShopifyWebhookService.Outcome outcome = service.receive(body, topic, hmac, webhookId);
        boolean ignored = outcome.topic().isEmpty();
        String note = ignored
                ? "topic " + topic + " is not read by Tally"
                : outcome.ingested().eventIds().isEmpty() ? "the refund moved no money" : null;
        return Response.accepted(new ShopifyWebhookResponse(topic, ignored, outcome.ingested().eventIds(),
                outcome.ingested().duplicates().size(), note)).build();
    }
}
