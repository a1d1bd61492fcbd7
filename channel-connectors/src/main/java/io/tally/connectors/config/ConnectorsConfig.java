package io.tally.connectors.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of channel-connectors, under {@code tally.connectors}. */
@ConfigMapping(prefix = "tally.connectors")
public interface ConnectorsConfig {

    /** The web collector ({@code POST /api/v1/collect}). */
    Web web();

    /** Publishing events to Kafka. */
    Publish publish();

    /** Remembering published event ids. */
    Dedup dedup();

    /** Request size limits. */
    Limits limits();

    /** Limits on request bodies, enforced before a body is read. */
    interface Limits {

        /** The largest body a beacon or webhook request may have; larger ones are answered 413 unread. */
        @WithDefault("1048576")
        long maxRequestBytes();

        /** Path prefixes of streamed bulk uploads, which the request limit does not apply to. */
        @WithDefault("/api/v1/imports")
        java.util.List<String> streamedPaths();
    }

    /** Retrying publishes of bulk input (no client waiting). */
    Retry retry();

    /** Settings of deduplication. */
    interface Dedup {

        /** How long a published event id is remembered; a duplicate arriving later is published again (and
         * dropped by the idempotent consumers). */
        @WithDefault("30D")
        Duration retention();

        /** How often ids older than the retention are purged. */
        @WithDefault("1h")
        String purgeInterval();
    }

    /** The one retry policy for bulk input. */
    interface Retry {

        /** Attempts in all, including the first. */
        @WithDefault("5")
        int attempts();

        /** Wait before the second attempt; doubled each time. */
        @WithDefault("500ms")
        Duration initialBackoff();

        /** Longest wait between attempts. */
        @WithDefault("10s")
        Duration maxBackoff();

        default io.tally.connectors.pipeline.RetryPolicy policy() {
            return new io.tally.connectors.pipeline.RetryPolicy(attempts(), initialBackoff(), maxBackoff());
        }
    }

    /** Settings of the web collector. */
    interface Web {

        /** The most events one collect request may carry; a larger array is answered 413. */
        @WithDefault("500")
        int maxBatchSize();

        /** How far in the future an event timestamp may lie (client clock skew) before it is rejected. */
        @WithDefault("10M")
        Duration maxClockSkew();

        /**
         * The site's own domains besides the landing page's host (a shop and its checkout domain, say), e.g.
         * {@code shop.example,checkout.example}; each matches itself and its subdomains, case-insensitively and without
         * {@code www.}. A page view referred by one of them (or by its own host) that carries no UTM parameter and no
         * click id is internal navigation: a {@code page_view}, never a touch. Default: none.
         */
        Optional<List<String>> internalHosts();

        /** {@link #internalHosts()} normalised: lower case, trimmed, without {@code www.} or dots at either end. */
        default List<String> internalHostList() {
            return internalHosts().orElse(List.of()).stream().map(host -> host.trim().toLowerCase(Locale.ROOT))
                    .map(host -> host.startsWith("www.") ? host.substring(4) : host)
                    .map(host -> host.replaceAll("^\\.+|\\.+$", "")).filter(host -> !host.isEmpty()).toList();
        }
    }

    /** Settings of the Kafka publisher. */
    interface Publish {

        /** How long a request waits for the broker to acknowledge all of its events before it answers 503. */
        @WithDefault("10s")
        Duration sendTimeout();

        /** The Retry-After a 503 suggests to the client when Kafka did not acknowledge in time. */
        @WithDefault("5s")
        Duration retryAfter();

        /**
         * Once the broker was found unreachable, how often one waiting client's request is let through to try it; the
         * others are answered 503 at once meanwhile (see {@code messaging.BrokerGate}).
         */
        @WithDefault("5s")
        Duration probeInterval();
    }
}
