package io.tally.attribution.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Journeys' raw material: touches and conversions by profile and time, for training and the journey reports. */
@ApplicationScoped
public class JourneyRepository {

    /** A touch (with its channel) or a conversion (channel null; with revenue and currency). */
    public record JourneyEvent(long profileId, Instant at, String channel, long revenueMinor, String currency) {

        public boolean conversion() {
            return channel == null;
        }
    }

    @Inject
    EntityManager em;

    /**
     * Touches of the given interaction types and conversions in {@code [from, to)}, ordered by profile and time (touches
     * before a conversion at the same instant), streamed from the database. Cancelled or fully refunded conversions
     * still count as conversions: the journey converted.
     */
    @SuppressWarnings("unchecked")
    public Stream<JourneyEvent> journeyEvents(Instant from, Instant to, Collection<String> interactionTypes) {
        Stream<Object[]> rows = em.createNativeQuery("SELECT profile_id, occurred_at, channel, revenue_minor, currency"
                + " FROM (SELECT profile_id, occurred_at, channel, 0 AS revenue_minor, NULL AS currency, 0 AS kind,"
                + " event_id FROM touchpoint WHERE occurred_at >= ?1 AND occurred_at < ?2"
                + " AND interaction_type IN (?3) AND profile_id IS NOT NULL"
                + " UNION ALL SELECT profile_id, occurred_at, NULL, revenue_minor, currency, 1, event_id FROM conversion"
                + " WHERE occurred_at >= ?1 AND occurred_at < ?2 AND profile_id IS NOT NULL) e"
                + " ORDER BY profile_id, occurred_at, kind, event_id")
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, interactionTypes)
                .setHint("org.hibernate.fetchSize", 5_000)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream();
        return rows.map(r -> new JourneyEvent(((Number) r[0]).longValue(), toInstant(r[1]), (String) r[2],
                ((Number) r[3]).longValue(), r[4] == null ? null : ((String) r[4]).trim()));
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
