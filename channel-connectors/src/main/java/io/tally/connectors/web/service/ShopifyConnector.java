package io.tally.connectors.web.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.tally.connectors.spi.SourceConnector;
import io.tally.connectors.web.domain.ShopifyMapper;
import io.tally.connectors.web.domain.ShopifyWebhook;
import io.tally.events.Event;
import io.tally.events.validation.Violations;

/** Shopify's order and refund webhooks as a source. */
@ApplicationScoped
public class ShopifyConnector implements SourceConnector<ShopifyWebhook> {

    /** The source name of Shopify webhooks in metrics and logs. */
    public static final String SOURCE = "web.shopify";

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Event> map(ShopifyWebhook record, Violations violations) {
        return ShopifyMapper.toEvents(record, violations);
    }
}
