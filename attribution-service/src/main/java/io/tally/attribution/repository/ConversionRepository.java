package io.tally.attribution.repository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.tally.events.Identifiers;

/** Stored conversions. */
@ApplicationScoped
public class ConversionRepository implements PanacheRepository<ConversionEntity> {

    public boolean existsByEventId(String eventId) {
        return count("eventId", eventId) > 0;
    }

    /** The customer's conversions in {@code [from, to]}, ordered by event id (the order locks are taken in). */
    public List<ConversionEntity> ofCustomer(Identifiers identifiers, Instant from, Instant to) {
        IdentityMatch match = IdentityMatch.of("c", identifiers);
        TypedQuery<ConversionEntity> query = getEntityManager().createQuery("SELECT c FROM ConversionEntity c WHERE "
                + match.condition() + " AND c.occurredAt >= :from AND c.occurredAt <= :to ORDER BY c.eventId",
                ConversionEntity.class)
                .setParameter("from", from)
                .setParameter("to", to);
        match.parameters().forEach(query::setParameter);
        return query.getResultList();
    }

    /** Conversions by event id, locked for update in event-id order, so two re-attributions never interleave. */
    public List<ConversionEntity> lockAll(Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createQuery(
                "SELECT c FROM ConversionEntity c WHERE c.eventId IN :ids ORDER BY c.eventId", ConversionEntity.class)
                .setParameter("ids", eventIds)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }
}
