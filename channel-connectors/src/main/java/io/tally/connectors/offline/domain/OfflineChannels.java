package io.tally.connectors.offline.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.tally.events.Channel;

/**
 * The channel of an offline contact, from its {@code type} (lower-case, spaces as underscores): the mapping an
 * operator configured ({@code tally.connectors.offline.type-channels.<type>=<channel>}) first, then the defaults below,
 * then {@code offline} for a type neither names. A row's own {@code channel} column, when the import has one, wins over
 * both.
 *
 * <p>
 * Defaults: {@code direct_mail} for mail_drop, mail, direct_mail, mailing, catalogue, catalog, postcard, leaflet,
 * flyer; {@code phone} for call, phone, phone_call, inbound_call, outbound_call, call_centre, call_center,
 * telemarketing, sms; {@code events} for event, trade_show, tradeshow, fair, conference, webinar, seminar, workshop,
 * meetup, exhibition; {@code retail} for store_visit, store, in_store, shop_visit, showroom, pos, pop_up.
 */
public final class OfflineChannels {

    private static final Map<String, Channel> DEFAULTS = defaults();

    private final Map<String, Channel> configured;

    /**
     * @param configured type → channel wire name, as configured
     * @throws IllegalArgumentException naming the type whose channel is not a channel
     */
    public OfflineChannels(Map<String, String> configured) {
        Map<String, Channel> read = new HashMap<>();
        configured.forEach((type, channel) -> read.put(typeKey(type), Channel.fromWireName(channel).orElseThrow(
                () -> new IllegalArgumentException("tally.connectors.offline.type-channels." + type + ": \"" + channel
                        + "\" is not a channel"))));
        this.configured = Map.copyOf(read);
    }

    /** The defaults alone. */
    public static OfflineChannels standard() {
        return new OfflineChannels(Map.of());
    }

    /** The channel of an offline contact of {@code type}. */
    public Channel channelOf(String type) {
        String key = typeKey(type);
        return Optional.ofNullable(configured.get(key)).or(() -> Optional.ofNullable(DEFAULTS.get(key)))
                .orElse(Channel.OFFLINE);
    }

    /** A type as stored and matched: lower-case, spaces and hyphens as underscores. */
    public static String typeKey(String type) {
        return type.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    private static Map<String, Channel> defaults() {
        Map<String, Channel> map = new HashMap<>();
        List.of("mail_drop", "mail", "direct_mail", "mailing", "catalogue", "catalog", "postcard", "leaflet", "flyer")
                .forEach(t -> map.put(t, Channel.DIRECT_MAIL));
        List.of("call", "phone", "phone_call", "inbound_call", "outbound_call", "call_centre", "call_center",
                "telemarketing", "sms").forEach(t -> map.put(t, Channel.PHONE));
        List.of("event", "trade_show", "tradeshow", "fair", "conference", "webinar", "seminar", "workshop", "meetup",
                "exhibition").forEach(t -> map.put(t, Channel.EVENTS));
        List.of("store_visit", "store", "in_store", "shop_visit", "showroom", "pos", "pop_up")
                .forEach(t -> map.put(t, Channel.RETAIL));
        return Map.copyOf(map);
    }
}
