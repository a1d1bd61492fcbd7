package io.tally.attribution.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Stored conversions. */
@ApplicationScoped
public class ConversionRepository implements PanacheRepository<ConversionEntity> {

    public boolean existsByEventId(String eventId) {
        return count("eventId", eventId) > 0;
    }

    /** Event ids of the profile's conversions in {@code [from, to]}, in event-id order. */
    public List<String> ofProfile(long profileId, Instant from, Instant to) {
        return getEntityManager().createQuery("SELECT c.eventId FROM ConversionEntity c WHERE c.profileId = :profile"
                + " AND c.occurredAt >= :from AND c.occurredAt <= :to ORDER BY c.eventId", String.class)
                .setParameter("profile", profileId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
    }

    /** Event ids of all the profile's conversions, in event-id order. */
    public List<String> ofProfile(long profileId) {
        return getEntityManager().createQuery("SELECT c.eventId FROM ConversionEntity c WHERE c.profileId = :profile"
                + " ORDER BY c.eventId", String.class)
                .setParameter("profile", profileId)
                .getResultList();
    }

    /** Event ids of the conversions booked under an order id, in event-id order. */
    public List<String> ofOrder(String orderId) {
        return getEntityManager().createQuery("SELECT c.eventId FROM ConversionEntity c WHERE c.orderId = :order"
                + " ORDER BY c.eventId", String.class)
                .setParameter("order", orderId)
                .getResultList();
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
