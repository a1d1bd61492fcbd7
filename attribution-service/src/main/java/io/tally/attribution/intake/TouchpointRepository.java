package io.tally.attribution.intake;

import static io.tally.attribution.sql.SqlArrays.instants;
import static io.tally.attribution.sql.SqlArrays.longs;
import static io.tally.attribution.sql.SqlArrays.texts;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Stored touchpoints and the journeys made of them. */
@ApplicationScoped
public class TouchpointRepository implements PanacheRepository<TouchpointEntity> {

    /**
     * Stores the touchpoints whose event id is not stored yet, in one statement; returns the event ids it stored (the
     * others were seen before and change nothing).
     */
    @SuppressWarnings("unchecked")
    public Set<String> insertNew(List<TouchpointEntity> touches) {
        if (touches.isEmpty()) {
            return Set.of();
        }
        List<String> stored = getEntityManager().createNativeQuery("INSERT INTO touchpoint (event_id, occurred_at,"
                + " channel, interaction_type, source, medium, campaign_code, url, anonymous_id, user_id, email_sha256,"
                + " phone_sha256, loyalty_id, customer_id, profile_id) SELECT * FROM unnest(CAST(?1 AS text[]),"
                + " CAST(?2 AS timestamptz[]), CAST(?3 AS text[]), CAST(?4 AS text[]), CAST(?5 AS text[]),"
                + " CAST(?6 AS text[]), CAST(?7 AS text[]), CAST(?8 AS text[]), CAST(?9 AS text[]),"
                + " CAST(?10 AS text[]), CAST(?11 AS text[]), CAST(?12 AS text[]), CAST(?13 AS text[]),"
                + " CAST(?14 AS text[]), CAST(?15 AS bigint[])) ON CONFLICT (event_id, occurred_at) DO NOTHING RETURNING event_id")
                .setParameter(1, texts(touches, t -> t.eventId))
                .setParameter(2, instants(touches, t -> t.occurredAt))
                .setParameter(3, texts(touches, t -> t.channel))
                .setParameter(4, texts(touches, t -> t.interactionType))
                .setParameter(5, texts(touches, t -> t.source))
                .setParameter(6, texts(touches, t -> t.medium))
                .setParameter(7, texts(touches, t -> t.campaignCode))
                .setParameter(8, texts(touches, t -> t.url))
                .setParameter(9, texts(touches, t -> t.identity.anonymousId))
                .setParameter(10, texts(touches, t -> t.identity.userId))
                .setParameter(11, texts(touches, t -> t.identity.emailSha256))
                .setParameter(12, texts(touches, t -> t.identity.phoneSha256))
                .setParameter(13, texts(touches, t -> t.identity.loyaltyId))
                .setParameter(14, texts(touches, t -> t.identity.customerId))
                .setParameter(15, longs(touches, t -> t.profileId))
                .getResultList();
        return new HashSet<>(stored);
    }

    /**
     * The touches of the given interaction types of any of the profiles in {@code [from, to]}, in time order (ties by
     * event id, so the order is the same on every run).
     */
    public List<StoredTouch> journeys(Collection<Long> profileIds, Instant from, Instant to,
            Collection<String> interactionTypes) {
        // plain JDBC with array parameters: one statement text whatever the batch's size (an IN list of thousands of
        // profiles was a new statement to build, bind and plan every time), no entity machinery for the rows
        List<StoredTouch> touches = new ArrayList<>();
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT event_id, occurred_at, channel,"
                    + " interaction_type, source, medium, campaign_code, url, profile_id FROM touchpoint"
                    + " WHERE profile_id = ANY(?) AND occurred_at >= ? AND occurred_at <= ?"
                    + " AND interaction_type = ANY(?) ORDER BY occurred_at, event_id")) {
                query.setArray(1, connection.createArrayOf("bigint", profileIds.toArray(Long[]::new)));
                query.setObject(2, from.atOffset(ZoneOffset.UTC));
                query.setObject(3, to.atOffset(ZoneOffset.UTC));
                query.setArray(4, connection.createArrayOf("text", interactionTypes.toArray(String[]::new)));
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        touches.add(new StoredTouch(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getLong(9)));
                    }
                }
            }
        });
        return touches;
    }
}
