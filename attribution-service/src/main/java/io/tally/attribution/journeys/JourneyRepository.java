package io.tally.attribution.journeys;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.tally.attribution.config.AttributionConfig;
import io.tally.events.InteractionType;
import io.tally.events.TouchKind;

/**
 * Journeys' raw material: touches and conversions by profile and time, for training and the journey reports, with web
 * page views grouped into sessions by the same rules as live crediting ({@link WebSessions}).
 */
@ApplicationScoped
public class JourneyRepository {

    /**
     * A touch (with its channel, its interaction type and, when asked for, the programme its code resolved to at the
     * time) or a conversion (channel and interaction null; with revenue and currency).
     */
    public record JourneyEvent(long profileId, Instant at, String channel, String interaction, long revenueMinor,
            String currency, UUID programmeId) {

        public boolean conversion() {
            return channel == null;
        }

        /** The touch's state in the data-driven models ({@code channel:kind}, e.g. {@code email:open}). */
        public String state() {
            return TouchKind.fromWireName(interaction).map(kind -> kind.stateOf(channel)).orElse(channel);
        }
    }

    @Inject
    EntityManager em;
    @Inject
    AttributionConfig config;

    private WebSessions.Rules sessionRules;

    @PostConstruct
    void readRules() {
        sessionRules = JourneyAssembler.sessionRules(config);
    }

    /**
     * Touches of the given interaction types and conversions in {@code [from, to)}, ordered by profile and time (touches
     * before a conversion at the same instant), streamed from the database. Cancelled or fully refunded conversions
     * still count as conversions: the journey converted. A conversion that redeemed a coupon resolving to a campaign
     * brings a {@code coupon_redemption} touch of that campaign's channel at its instant, just before it (consumers
     * weigh it like any touch). With {@code visit} among the types, page views are grouped
     * into sessions and only each session's entry is a touch: {@code page_view} rows and visits that continue a
     * session never reach the stream (they are read, from one inactivity window before {@code from}, only to tell).
     */
    public Stream<JourneyEvent> journeyEvents(Instant from, Instant to, Collection<String> interactionTypes) {
        return journeyEvents(from, to, interactionTypes, false);
    }

    /**
     * Like the above; with {@code resolveProgrammes}, each touch also carries the programme its tracking code
     * pointed at when it happened (the latest assigned span, as for credit).
     */
    @SuppressWarnings("unchecked")
    public Stream<JourneyEvent> journeyEvents(Instant from, Instant to, Collection<String> interactionTypes,
            boolean resolveProgrammes) {
        String programme = resolveProgrammes
                ? "(SELECT k.programme_id FROM tracking_code c JOIN campaign k ON k.campaign_id = c.campaign_id"
                        + " AND NOT k.deleted WHERE c.code = t.campaign_code"
                        + " AND (c.valid_from IS NULL OR c.valid_from <= t.occurred_at)"
                        + " AND (c.valid_until IS NULL OR c.valid_until > t.occurred_at)"
                        + " ORDER BY c.assigned_at DESC, c.id DESC LIMIT 1)"
                : "CAST(NULL AS uuid)";
        boolean sessionize = interactionTypes.contains(InteractionType.VISIT.wireName());
        Instant readFrom = sessionize ? from.minus(sessionRules.inactivity()) : from;
        Stream<Object[]> rows = em.createNativeQuery("SELECT profile_id, occurred_at, channel, interaction_type,"
                + " revenue_minor, currency, programme_id, source, medium, campaign_code, url FROM (SELECT t.profile_id,"
                + " t.occurred_at, t.channel, t.interaction_type, 0 AS revenue_minor,"
                + " NULL AS currency, " + programme + " AS programme_id, 0 AS kind, t.event_id,"
                + " t.source, t.medium, t.campaign_code, t.url FROM touchpoint t"
                + " WHERE t.occurred_at >= ?1 AND t.occurred_at < ?2 AND t.interaction_type IN (?3)"
                + " AND t.profile_id IS NOT NULL"
                // a redeemed coupon: a touch of the campaign that issued the code, at the purchase, before it
                + " UNION ALL SELECT v.profile_id, v.occurred_at, coalesce(k.channel, 'other'), 'coupon_redemption', 0,"
                + " NULL, " + (resolveProgrammes ? "k.programme_id" : "CAST(NULL AS uuid)") + ", 0,"
                + " 'coupon:' || v.event_id, NULL, NULL, v.coupon_code, NULL FROM conversion v"
                + " JOIN LATERAL (SELECT k.channel, k.programme_id FROM tracking_code c JOIN campaign k"
                + " ON k.campaign_id = c.campaign_id AND NOT k.deleted WHERE c.code = v.coupon_code"
                + " AND (c.valid_from IS NULL OR c.valid_from <= v.occurred_at)"
                + " AND (c.valid_until IS NULL OR c.valid_until > v.occurred_at)"
                + " ORDER BY c.assigned_at DESC, c.id DESC LIMIT 1) k ON true"
                + " WHERE v.coupon_code IS NOT NULL AND v.occurred_at >= ?1 AND v.occurred_at < ?2"
                + " AND v.profile_id IS NOT NULL"
                + " UNION ALL SELECT profile_id, occurred_at, NULL, NULL, revenue_minor, currency, CAST(NULL AS uuid), 1,"
                + " event_id, NULL, NULL, NULL, NULL FROM conversion WHERE occurred_at >= ?1 AND occurred_at < ?2"
                + " AND profile_id IS NOT NULL) e"
                + " ORDER BY profile_id, occurred_at, kind, event_id")
                .setParameter(1, readFrom)
                .setParameter(2, to)
                .setParameter(3, sessionize ? WebSessions.withPageViews(interactionTypes) : interactionTypes)
                .setHint("org.hibernate.fetchSize", 5_000)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream();
        SessionFilter sessions = new SessionFilter(new WebSessions(sessionRules), from);
        return rows.filter(sessions::keep).map(r -> new JourneyEvent(((Number) r[0]).longValue(), toInstant(r[1]),
                (String) r[2], (String) r[3], ((Number) r[4]).longValue(), r[5] == null ? null : ((String) r[5]).trim(),
                (UUID) r[6]));
    }

    /**
     * Keeps conversions and touches in {@code [from, …)} that are touches by the session rules; feeds every row, those
     * before {@code from} included, to the profile's session state. Rows come by profile and time.
     */
    private static final class SessionFilter {

        private final WebSessions sessions;
        private final Instant from;
        private long profile = Long.MIN_VALUE;

        SessionFilter(WebSessions sessions, Instant from) {
            this.sessions = sessions;
            this.from = from;
        }

        boolean keep(Object[] r) {
            long profileId = ((Number) r[0]).longValue();
            if (profileId != profile) {
                sessions.reset();
                profile = profileId;
            }
            Instant at = toInstant(r[1]);
            boolean touch = r[3] == null || sessions.isTouch(new WebSessions.Hit(at, (String) r[3], (String) r[2],
                    (String) r[7], (String) r[8], (String) r[9], (String) r[10]));
            return touch && !at.isBefore(from);
        }
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
