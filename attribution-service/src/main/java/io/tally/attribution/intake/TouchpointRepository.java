package io.tally.attribution.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Stored touchpoints and the journeys made of them. */
@ApplicationScoped
public class TouchpointRepository implements PanacheRepository<TouchpointEntity> {

    public boolean existsByEventId(String eventId) {
        return count("eventId", eventId) > 0;
    }

    /**
     * The profile's touches of the given interaction types in {@code [from, to]}, in time order (ties by event id, so the
     * order is the same on every run).
     */
    public List<TouchpointEntity> journey(long profileId, Instant from, Instant to,
            Collection<String> interactionTypes) {
        return getEntityManager().createQuery("SELECT t FROM TouchpointEntity t WHERE t.profileId = :profile"
                + " AND t.occurredAt >= :from AND t.occurredAt <= :to AND t.interactionType IN :types"
                + " ORDER BY t.occurredAt, t.eventId", TouchpointEntity.class)
                .setParameter("profile", profileId)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("types", interactionTypes)
                .getResultList();
    }
}
