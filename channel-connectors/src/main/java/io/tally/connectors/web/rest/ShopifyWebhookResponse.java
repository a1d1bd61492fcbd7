package io.tally.connectors.web.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a Shopify webhook delivery. */
@Schema(name = "ShopifyWebhookResponse", description = "What became of a Shopify webhook delivery")
public record ShopifyWebhookResponse(
        @Schema(description = "The X-Shopify-Topic received", examples = "orders/create") String topic,
        @Schema(description = "True when Tally does not read this topic; nothing was published") boolean ignored,
        @Schema(description = "The ids of the events the delivery stands for (published now or before)") List<String> eventIds,
        @Schema(description = "How many of them had been accepted before (a redelivery, or the same order from the site beacon)", examples = "0") int deduplicated,
        @Schema(description = "Why nothing was published, when nothing was", examples = "topic products/update is not read by Tally") String note) {
}
