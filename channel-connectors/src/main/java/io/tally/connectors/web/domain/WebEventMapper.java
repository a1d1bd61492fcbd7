package io.tally.connectors.web.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

import io.tally.connectors.domain.ChannelGrouping;
import io.tally.connectors.domain.TrafficSource;
import io.tally.events.Conversion;
import io.tally.events.Event;
import io.tally.events.InteractionType;
import io.tally.events.Touchpoint;

/** Turns a validated beacon event into its Tally event: a page view into a {@link Touchpoint}, a purchase into a {@link Conversion}. */
public final class WebEventMapper {

    /** The {@link Conversion#source()} of every purchase reported by the web beacon. */
    public static final String CONVERSION_SOURCE = "web";

    private WebEventMapper() {
    }

    public static Event toEvent(WebEvent event) {
        return switch (event.type()) {
            case PAGE_VIEW -> toTouchpoint(event);
            case PURCHASE -> toConversion(event);
        };
    }

    /**
     * A visit: campaign parameters from the URL query, the channel by {@link ChannelGrouping}, the source from
     * {@code utm_source} or else the referrer's host.
     */
    public static Touchpoint toTouchpoint(WebEvent event) {
        UtmParameters utm = UtmParameters.parse(event.url());
        String referrerHost = WebUrls.host(event.referrer());
        String landingHost = WebUrls.host(event.url());
        TrafficSource traffic = new TrafficSource(utm.source(), utm.medium(), utm.clickIds(), referrerHost,
                landingHost);
        String source = utm.source() != null ? utm.source() : referrerHost;
        return new Touchpoint(pageViewId(event), event.timestamp(), ChannelGrouping.channelOf(traffic),
                InteractionType.VISIT, source, utm.medium(), utm.campaign(), event.identifiers(), event.url(), null);
    }

    /** A purchase: one event per order, whoever reports it ({@code order:<orderId>}). */
    public static Conversion toConversion(WebEvent event) {
        return new Conversion("order:" + event.orderId(), event.orderId(), event.timestamp(), event.revenue(),
                event.identifiers(), event.couponCode(), CONVERSION_SOURCE);
    }

    /**
     * The client's {@code messageId} when it sent one, else a name-based UUID of type, anonymousId, userId, timestamp
     * and URL, so a retried request yields the same id.
     */
    static String pageViewId(WebEvent event) {
        if (event.messageId() != null) {
            return event.messageId();
        }
        String name = String.join("\n", event.type().wireName(), Objects.toString(event.anonymousId(), ""),
                Objects.toString(event.userId(), ""), event.timestamp().toString(), Objects.toString(event.url(), ""));
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
