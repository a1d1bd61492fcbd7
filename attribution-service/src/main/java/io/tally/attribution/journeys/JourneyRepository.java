package io.tally.attribution.journeys;

import java.time.Instant;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.tally.events.TouchKind;

/** Journeys' raw material: touches and conversions by profile and time, for training and the journey reports. */
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

    /**
     * Touches of the given interaction types and conversions in {@code [from, to)}, ordered by profile and time (touches
     * before a conversion at the same instant), streamed from the database. Cancelled or fully refunded conversions
     * still count as conversions: the journey converted.
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
        Stream<Object[]> rows = em.createNativeQuery("SELECT profile_id, occurred_at, channel, interaction_type,"
                + " revenue_minor, currency, programme_id FROM (SELECT t.profile_id, t.occurred_at, t.channel,"
                + " t.interaction_type, 0 AS revenue_minor,"
                + " NULL AS currency, " + programme + " AS programme_id, 0 AS kind, t.event_id FROM touchpoint t"
                + " WHERE t.occurred_at >= ?1 AND t.occurred_at < ?2 AND t.interaction_type IN (?3)"
                + " AND t.profile_id IS NOT NULL"
                + " UNION ALL SELECT profile_id, occurred_at, NULL, NULL, revenue_minor, currency, CAST(NULL AS uuid), 1,"
                + " event_id FROM conversion WHERE occurred_at >= ?1 AND occurred_at < ?2 AND profile_id IS NOT NULL) e"
                + " ORDER BY profile_id, occurred_at, kind, event_id")
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, interactionTypes)
                .setHint("org.hibernate.fetchSize", 5_000)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream();
        return rows.map(r -> new JourneyEvent(((Number) r[0]).longValue(), toInstant(r[1]), (String) r[2],
                (String) r[3], ((Number) r[4]).longValue(), r[5] == null ? null : ((String) r[5]).trim(),
                (UUID) r[6]));
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
