package io.tally.attribution.directory;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.tally.events.CampaignChanged;
import io.tally.events.TrackingCodes;

/** Campaigns and their tracking codes, known from {@code CampaignChanged}. */
@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<CampaignEntity, UUID> {

    /** A span of a code in a campaign: [from, until), null meaning since ever / open-ended. */
    public record CodeSpan(String code, Instant from, Instant until) {
    }

    /**
     * The live campaign a tracking code (any case) resolves to for a touch at {@code at}: the one whose span of the
     * code covers it; should several (events that crossed), the one assigned last.
     */
    public Optional<CampaignEntity> findByCode(String code, Instant at) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return getEntityManager()
                .createQuery("SELECT c FROM CampaignEntity c, TrackingCodeEntity t "
                        + "WHERE t.campaignId = c.id AND t.code = :code AND c.deleted = false"
                        + " AND (t.validFrom IS NULL OR t.validFrom <= :at)"
                        + " AND (t.validUntil IS NULL OR t.validUntil > :at)"
                        + " ORDER BY t.assignedAt DESC, t.id DESC", CampaignEntity.class)
                .setParameter("code", TrackingCodes.normalise(code))
                .setParameter("at", at)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    /** The campaign's code spans. */
    public List<CodeSpan> spansOf(UUID campaignId) {
        return getEntityManager()
                .createQuery("SELECT t.code, t.validFrom, t.validUntil FROM TrackingCodeEntity t"
                        + " WHERE t.campaignId = :id", Object[].class)
                .setParameter("id", campaignId)
                .getResultList().stream()
                .map(r -> new CodeSpan((String) r[0], (Instant) r[1], (Instant) r[2]))
                .toList();
    }

    /** Replaces the campaign's code spans with those of its CampaignChanged of {@code assignedAt}. */
    public void replaceCodes(UUID campaignId, List<CampaignChanged.TrackingCode> codes, Instant assignedAt) {
        getEntityManager().createQuery("DELETE FROM TrackingCodeEntity t WHERE t.campaignId = :id")
                .setParameter("id", campaignId)
                .executeUpdate();
        for (CampaignChanged.TrackingCode code : codes) {
            TrackingCodeEntity entity = new TrackingCodeEntity();
            entity.code = TrackingCodes.normalise(code.code());
            entity.campaignId = campaignId;
            entity.type = code.type();
            entity.validFrom = code.validFrom();
            entity.validUntil = code.validUntil();
            entity.assignedAt = assignedAt;
            getEntityManager().persist(entity);
        }
    }
}
