package io.tally.attribution.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Trained model versions, and the journeys they are trained on. */
@ApplicationScoped
public class ModelVersionRepository implements PanacheRepositoryBase<ModelVersionEntity, String> {

    /** One event of a training stream: a touch (with its channel) or a conversion (channel null). */
    public record JourneyEvent(long profileId, Instant at, String channel) {

        public boolean conversion() {
            return channel == null;
        }
    }

    /** The newest version of a model, if it was ever trained. */
    public Optional<ModelVersionEntity> latest(String model) {
        return find("model = ?1 ORDER BY trainedAt DESC, version DESC", model).firstResultOptional();
    }

    /** Every version of a model, newest first. */
    public List<ModelVersionEntity> versions(String model) {
        return list("model = ?1 ORDER BY trainedAt DESC, version DESC", model);
    }

    /**
     * Touches of the given interaction types and conversions in {@code [from, to)}, ordered by profile and time (touches
     * before a conversion at the same instant), streamed from the database. Cancelled or fully refunded conversions
     * still count as conversions: the journey converted.
     */
    @SuppressWarnings("unchecked")
    public Stream<JourneyEvent> journeyEvents(Instant from, Instant to, Collection<String> interactionTypes) {
        Stream<Object[]> rows = getEntityManager().createNativeQuery("SELECT profile_id, occurred_at, channel FROM ("
                + " SELECT profile_id, occurred_at, channel, 0 AS kind, event_id FROM touchpoint"
                + " WHERE occurred_at >= ?1 AND occurred_at < ?2 AND interaction_type IN (?3) AND profile_id IS NOT NULL"
                + " UNION ALL SELECT profile_id, occurred_at, NULL, 1, event_id FROM conversion"
                + " WHERE occurred_at >= ?1 AND occurred_at < ?2 AND profile_id IS NOT NULL) e"
                + " ORDER BY profile_id, occurred_at, kind, event_id")
                .setParameter(1, from)
                .setParameter(2, to)
                .setParameter(3, interactionTypes)
                .setHint("org.hibernate.fetchSize", 5_000)
                .setHint("org.hibernate.readOnly", true)
                .getResultStream();
        return rows.map(r -> new JourneyEvent(((Number) r[0]).longValue(), toInstant(r[1]), (String) r[2]));
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

    /** Saves a version; training the same data again only makes the existing version the newest. */
    public void save(ModelVersionEntity version) {
        ModelVersionEntity existing = findById(version.version);
        if (existing != null) {
            existing.trainedAt = version.trainedAt;
        } else {
            persist(version);
        }
    }
}
