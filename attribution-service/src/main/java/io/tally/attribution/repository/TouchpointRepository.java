package io.tally.attribution.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tally.events.Identifiers;

/** Stored touchpoints and the journeys made of them. */
@ApplicationScoped
public class TouchpointRepository implements PanacheRepository<TouchpointEntity> {

    public boolean existsByEventId(String eventId) {
        return count("eventId", eventId) > 0;
    }

    /**
     * The customer's touches of the given interaction types in {@code [from, to]}, in time order (ties by event id, so the
     * order is the same on every run).
     */
    public List<TouchpointEntity> journey(Identifiers identifiers, Instant from, Instant to,
            Collection<String> interactionTypes) {
        IdentityMatch match = IdentityMatch.of("t", identifiers);
        TypedQuery<TouchpointEntity> query = getEntityManager().createQuery("SELECT t FROM TouchpointEntity t WHERE "
                + match.condition() + " AND t.occurredAt >= :from AND t.occurredAt <= :to"
                + " AND t.interactionType IN :types ORDER BY t.occurredAt, t.eventId", TouchpointEntity.class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("types", interactionTypes);
        match.parameters().forEach(query::setParameter);
        return query.getResultList();
    }
}
