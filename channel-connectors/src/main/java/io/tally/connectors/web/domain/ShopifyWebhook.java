package io.tally.connectors.web.domain;

import com.fasterxml.jackson.databind.JsonNode;

/** One verified Shopify webhook delivery: its topic, Shopify's delivery id and the parsed body. */
public record ShopifyWebhook(ShopifyTopic topic, String webhookId, JsonNode body) {
}
