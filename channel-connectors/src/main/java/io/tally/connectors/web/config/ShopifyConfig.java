package io.tally.connectors.web.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The Shopify webhook source, under {@code tally.connectors.shopify}. */
@ConfigMapping(prefix = "tally.connectors.shopify")
public interface ShopifyConfig {

    /**
     * The app's webhook signing secret (Shopify admin → Settings → Notifications → Webhooks, or the app's client
     * secret): {@code X-Shopify-Hmac-Sha256} is checked against it. From the environment only
     * ({@code SHOPIFY_WEBHOOK_SECRET}); while it is unset every webhook is refused with 401.
     */
    Optional<String> secret();
}
