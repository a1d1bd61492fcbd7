package io.tally.connectors.web.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import io.tally.connectors.domain.ChannelGrouping;
import io.tally.connectors.domain.TrafficSource;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Event;
import io.tally.events.Identifiers;
import io.tally.events.IdentityLink;
import io.tally.events.InteractionType;
import io.tally.events.Touchpoint;
import io.tally.events.Trust;
import io.tally.events.validation.Violations;

/**
 * Turns a validated beacon event into its Tally events: page views, clicks and email opens into a {@link Touchpoint}, a
 * sign-up into an {@link IdentityLink}, a purchase into a {@link Conversion}; a refund is refused. Without analytics consent an event keeps no identifier but an opaque one of its own.
 */
public final class WebEventMapper {

    /** The {@link Conversion#source()} of every purchase (and the link source of sign-ups) from the web beacon. */
    public static final String CONVERSION_SOURCE = "web";

    /** A mapper with the default channel grouping only. */
    public static final WebEventMapper DEFAULT = new WebEventMapper(List.of());

    private final List<ChannelGrouping.OverrideRule> overrides;
    private final List<String> internalHosts;

    /** @param overrides channel rules tried before the default grouping */
    public WebEventMapper(List<ChannelGrouping.OverrideRule> overrides) {
        this(overrides, List.of());
    }

    /**
     * @param overrides channel rules tried before the default grouping
     * @param internalHosts the site's own domains besides the landing host (each matches itself and its subdomains;
     *        lower case, without {@code www.})
     */
    public WebEventMapper(List<ChannelGrouping.OverrideRule> overrides, List<String> internalHosts) {
        this.overrides = List.copyOf(overrides);
        this.internalHosts = List.copyOf(internalHosts);
    }

    /** Why the open collector takes no refunds (README, "Source trust"). */
    public static final String NO_REFUNDS = "the open collector cannot refund: refunds are accepted only from a verified"
            + " source (the Shopify refunds webhook, or an authenticated import)";

    /**
     * The events of one beacon event; empty for a sign-up without consent (there is nothing it may link), and for a
     * refund, which is reported in {@code violations}: anyone can call the collector, so it may not take revenue back.
     */
    public List<Event> toEvents(WebEvent event, Violations violations) {
        return switch (event.type()) {
            case PAGE_VIEW, CLICK -> List.of(toTouchpoint(event));
            case EMAIL_OPEN -> List.of(toEmailOpen(event));
            case SIGN_UP -> event.analyticsConsent() ? List.of(toIdentityLink(event)) : List.of();
            case PURCHASE -> List.of(toConversion(event));
            case REFUND -> {
                violations.add("type", NO_REFUNDS);
                yield List.of();
            }
        };
    }

    /**
     * A visit, internal page view or click: campaign parameters from the URL query, the channel by
     * {@link ChannelGrouping} (overrides first), the source from {@code utm_source}, else the click id's network, else
     * the referrer's host. A page view from the site itself without campaign parameters
     * ({@link ChannelGrouping#isInternal}) is a {@code page_view}: it keeps a web session alive and is never a touch.
     */
    public Touchpoint toTouchpoint(WebEvent event) {
        UtmParameters utm = UtmParameters.parse(event.url());
        String referrerHost = WebUrls.host(event.referrer());
        TrafficSource traffic = new TrafficSource(utm.source(), utm.medium(), utm.clickIds(), referrerHost,
                WebUrls.host(event.url()));
        String source = utm.source() != null
                ? utm.source()
                : ChannelGrouping.networkOf(utm.clickIds()).orElse(referrerHost);
        String eventId = touchId(event);
        InteractionType interaction;
        if (event.type() == WebEventType.CLICK) {
            interaction = InteractionType.CLICK;
        } else if (ChannelGrouping.isInternal(traffic, utm.campaign(), internalHosts)) {
            interaction = InteractionType.PAGE_VIEW;
        } else {
            interaction = InteractionType.VISIT;
        }
        Channel channel = ChannelGrouping.channelOf(traffic, overrides, internalHosts);
        return new Touchpoint(eventId, event.timestamp(), channel, interaction,
                source, utm.medium(), utm.campaign(), identifiers(event, eventId), event.url(), null, Trust.UNVERIFIED);
    }

    /** An email open (from the pixel): channel email, the campaign from {@code utm_campaign} or {@code cid}. */
    public Touchpoint toEmailOpen(WebEvent event) {
        UtmParameters campaign = event.campaign() == null ? UtmParameters.NONE : event.campaign();
        String eventId = touchId(event);
        return new Touchpoint(eventId, event.timestamp(), Channel.EMAIL, InteractionType.EMAIL_OPEN,
                campaign.source(), campaign.medium() != null ? campaign.medium() : "email", campaign.campaign(),
                identifiers(event, eventId), event.url(), null, Trust.UNVERIFIED);
    }

    /** A sign-up joins the browser's anonymous id to the user id (and the e-mail hash, when given). */
    public IdentityLink toIdentityLink(WebEvent event) {
        String eventId = event.messageId() != null ? event.messageId() : nameId("link", event);
        return new IdentityLink(eventId, event.timestamp(), event.identifiers(), CONVERSION_SOURCE, Trust.UNVERIFIED);
    }

    /** A purchase: one event per order, whoever reports it ({@code order:<orderId>}). */
    public Conversion toConversion(WebEvent event) {
        String eventId = "order:" + event.orderId();
        return new Conversion(eventId, event.orderId(), event.timestamp(), event.amount(),
                identifiers(event, eventId), event.couponCode(), CONVERSION_SOURCE, Trust.UNVERIFIED);
    }

    /**
     * The identifiers the event may keep: all of them with consent; without it only {@code anon-<UUID of the event
     * id>}, which no other event shares.
     */
    static Identifiers identifiers(WebEvent event, String eventId) {
        if (event.analyticsConsent()) {
            return event.identifiers();
        }
        return Identifiers.anonymous(opaqueId(eventId));
    }

    /** The opaque anonymous id of an event without consent. */
    public static String opaqueId(String eventId) {
        return "anon-" + UUID.nameUUIDFromBytes(eventId.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The client's {@code messageId} when it sent one, else a name-based UUID of type, anonymousId, userId, timestamp
     * and URL (and the campaign, for email opens), so a retried request yields the same id.
     */
    static String touchId(WebEvent event) {
        if (event.messageId() != null) {
            return event.messageId();
        }
        String name = String.join("\n", event.type().wireName(), Objects.toString(event.anonymousId(), ""),
                Objects.toString(event.userId(), ""), event.timestamp().toString(), Objects.toString(event.url(), ""));
        if (event.type() == WebEventType.EMAIL_OPEN && event.campaign() != null) {
            name = name + "\n" + Objects.toString(event.campaign().campaign(), "");
        }
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String nameId(String kind, WebEvent event) {
        String name = String.join("\n", kind, Objects.toString(event.anonymousId(), ""),
                Objects.toString(event.userId(), ""), Objects.toString(event.emailSha256(), ""),
                event.timestamp().toString(), Objects.toString(event.orderId(), ""),
                event.amount() == null ? "" : event.amount().amount().toPlainString(),
                event.amount() == null ? "" : event.amount().currency());
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
