package io.tally.attribution.intake;

import static io.tally.attribution.sql.SqlArrays.instants;
import static io.tally.attribution.sql.SqlArrays.longs;
import static io.tally.attribution.sql.SqlArrays.texts;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Stored conversions. */
@ApplicationScoped
public class ConversionRepository implements PanacheRepository<ConversionEntity> {

    /**
     * Stores the conversions whose event id is not stored yet, in one statement; returns the event ids it stored (the
     * others were stored before).
     */
    @SuppressWarnings("unchecked")
    public Set<String> insertNew(List<ConversionEntity> conversions) {
        if (conversions.isEmpty()) {
            return Set.of();
        }
        List<String> stored = getEntityManager().createNativeQuery("INSERT INTO conversion (event_id, order_id,"
                + " occurred_at, revenue_minor, currency, coupon_code, source, trust, anonymous_id, user_id,"
                + " email_sha256, phone_sha256, loyalty_id, customer_id, profile_id) SELECT * FROM"
                + " unnest(CAST(?1 AS text[]), CAST(?2 AS text[]), CAST(?3 AS timestamptz[]), CAST(?4 AS bigint[]),"
                + " CAST(?5 AS text[]), CAST(?6 AS text[]), CAST(?7 AS text[]), CAST(?8 AS text[]),"
                + " CAST(?9 AS text[]), CAST(?10 AS text[]), CAST(?11 AS text[]), CAST(?12 AS text[]),"
                + " CAST(?13 AS text[]), CAST(?14 AS text[]), CAST(?15 AS bigint[]))"
                + " ON CONFLICT (event_id) DO NOTHING RETURNING event_id")
                .setParameter(1, texts(conversions, c -> c.eventId))
                .setParameter(2, texts(conversions, c -> c.orderId))
                .setParameter(3, instants(conversions, c -> c.occurredAt))
                .setParameter(4, longs(conversions, c -> c.revenueMinor))
                .setParameter(5, texts(conversions, c -> c.currency))
                .setParameter(6, texts(conversions, c -> c.couponCode))
                .setParameter(7, texts(conversions, c -> c.source))
                .setParameter(8, texts(conversions, c -> c.trust))
                .setParameter(9, texts(conversions, c -> c.identity.anonymousId))
                .setParameter(10, texts(conversions, c -> c.identity.userId))
                .setParameter(11, texts(conversions, c -> c.identity.emailSha256))
                .setParameter(12, texts(conversions, c -> c.identity.phoneSha256))
                .setParameter(13, texts(conversions, c -> c.identity.loyaltyId))
                .setParameter(14, texts(conversions, c -> c.identity.customerId))
                .setParameter(15, longs(conversions, c -> c.profileId))
                .getResultList();
        return new HashSet<>(stored);
    }

    /** A touch of a profile at an instant, which conversions up to a reach after it may include. */
    public record TouchAt(long profileId, Instant at, String eventId) {
    }

    /**
     * The conversions that one of the touches may belong to (of the touch's profile, from the touch's instant to
     * {@code reach} after it), each with the event id of one such touch (the greatest); one query.
     */
    @SuppressWarnings("unchecked")
    public Map<String, String> reachedBy(Collection<TouchAt> touches, Duration reach) {
        Map<String, String> reached = new LinkedHashMap<>();
        if (touches.isEmpty()) {
            return reached;
        }
        List<Object[]> rows = getEntityManager().createNativeQuery("SELECT c.event_id, max(t.event_id) FROM"
                + " conversion c JOIN unnest(CAST(?1 AS bigint[]), CAST(?2 AS timestamptz[]), CAST(?3 AS text[]))"
                + " AS t(profile_id, at, event_id) ON c.profile_id = t.profile_id AND c.occurred_at >= t.at"
                + " AND c.occurred_at <= t.at + make_interval(secs => ?4) GROUP BY c.event_id ORDER BY 1")
                .setParameter(1, longs(touches, TouchAt::profileId))
                .setParameter(2, instants(touches, TouchAt::at))
                .setParameter(3, texts(touches, TouchAt::eventId))
                .setParameter(4, (double) reach.toSeconds())
                .getResultList();
        rows.forEach(row -> reached.put((String) row[0], (String) row[1]));
        return reached;
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
