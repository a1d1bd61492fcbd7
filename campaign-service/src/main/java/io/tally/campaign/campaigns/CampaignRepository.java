package io.tally.campaign.campaigns;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.tally.campaign.codes.CodeSpan;

/** Campaigns by id, by programme, and the spans of their tracking codes. */
@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {

    /** The campaign unless it does not exist or was deleted. */
    public Optional<Campaign> findLive(UUID id) {
        return findByIdOptional(id).filter(c -> !c.isDeleted());
    }

    /** The campaign, row-locked for the transaction, unless it does not exist or was deleted. */
    public Optional<Campaign> lockLive(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(c -> !c.isDeleted());
    }

    /** The campaigns of a programme (deleted ones too), oldest first. */
    public List<Campaign> findByProgramme(UUID programmeId) {
        return find("select distinct c from Campaign c left join fetch c.trackingCodes"
                + " where c.programme.id = ?1 order by c.createdAt, c.id", programmeId).list();
    }

    /** Every campaign's spans of any of the given (normalised) codes. */
    public List<CodeSpan> spansOf(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery("select new " + CodeSpan.class.getName() + "(c.id, t.code, t.type, t.validFrom,"
                        + " t.validUntil) from Campaign c join c.trackingCodes t where t.code in :codes",
                        CodeSpan.class)
                .setParameter("codes", codes)
                .getResultList();
    }

    /**
     * Serialises changes of these codes until the transaction ends (a transaction-scoped advisory lock per code, taken
     * in code order so two writers never deadlock): spans are checked for overlaps and written under it.
     */
    public void lockCodes(Collection<String> codes) {
        for (String code : new TreeSet<>(codes)) {
            getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtext('tracking-code:' || ?1))")
                    .setParameter(1, code).getSingleResult();
        }
    }

    /** A code span with the name and programme of its campaign. */
    public record Assignment(CodeSpan span, String campaignName, UUID programmeId) {

        /** A row of {@link #assignments}: the span's fields, then its campaign's name and programme. */
        public Assignment(UUID campaignId, String code, String type, Instant validFrom, Instant validUntil,
                String campaignName, UUID programmeId) {
            this(new CodeSpan(campaignId, code, type, validFrom, validUntil), campaignName, programmeId);
        }
    }

    /** Spans with their campaign, filtered by whichever of code, campaign, programme and type is given. */
    public List<Assignment> assignments(String code, UUID campaignId, UUID programmeId, String type, int page,
            int size) {
        var query = getEntityManager().createQuery("select new " + Assignment.class.getName() + "(c.id, t.code,"
                + " t.type, t.validFrom, t.validUntil, c.name, c.programme.id) from Campaign c join c.trackingCodes t"
                + where(code, campaignId, programmeId, type) + " order by t.code, t.validFrom nulls first, c.id",
                Assignment.class);
        bind(query, code, campaignId, programmeId, type);
        return query.setFirstResult((int) Math.min((long) page * size, Integer.MAX_VALUE)).setMaxResults(size)
                .getResultList();
    }

    /** How many spans {@link #assignments} finds in all pages. */
    public long countAssignments(UUID campaignId, UUID programmeId, String type) {
        var query = getEntityManager().createQuery("select count(t) from Campaign c join c.trackingCodes t"
                + where(null, campaignId, programmeId, type), Long.class);
        bind(query, null, campaignId, programmeId, type);
        return query.getSingleResult();
    }

    private static String where(String code, UUID campaignId, UUID programmeId, String type) {
        List<String> conditions = new java.util.ArrayList<>();
        if (code != null) {
            conditions.add("t.code = :code");
        }
        if (campaignId != null) {
            conditions.add("c.id = :campaignId");
        }
        if (programmeId != null) {
            conditions.add("c.programme.id = :programmeId");
        }
        if (type != null) {
            conditions.add("t.type = :type");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private static void bind(jakarta.persistence.Query query, String code, UUID campaignId, UUID programmeId,
            String type) {
        if (code != null) {
            query.setParameter("code", code);
        }
        if (campaignId != null) {
            query.setParameter("campaignId", campaignId);
        }
        if (programmeId != null) {
            query.setParameter("programmeId", programmeId);
        }
        if (type != null) {
            query.setParameter("type", type);
        }
    }
}
