package io.tally.attribution.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Campaigns and their tracking codes, known from {@code CampaignChanged}. */
@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<CampaignEntity, UUID> {

    /** The live campaign a tracking code (any case) resolves to. */
    public Optional<CampaignEntity> findByCode(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        return getEntityManager()
                .createQuery("SELECT c FROM CampaignEntity c, TrackingCodeEntity t "
                        + "WHERE t.campaignId = c.id AND t.code = :code AND c.deleted = false", CampaignEntity.class)
                .setParameter("code", TrackingCodes.normalise(code))
                .getResultStream()
                .findFirst();
    }

    public List<String> codesOf(UUID campaignId) {
        return getEntityManager()
                .createQuery("SELECT t.code FROM TrackingCodeEntity t WHERE t.campaignId = :id", String.class)
                .setParameter("id", campaignId)
                .getResultList();
    }

    /** Points exactly {@code codes} at the campaign: its other codes are released, codes of other campaigns moved. */
    public void replaceCodes(UUID campaignId, List<String> codes) {
        getEntityManager().createQuery("DELETE FROM TrackingCodeEntity t WHERE t.campaignId = :id OR t.code IN :codes")
                .setParameter("id", campaignId)
                .setParameter("codes", codes.isEmpty() ? List.of("") : codes)
                .executeUpdate();
        for (String code : codes) {
            TrackingCodeEntity entity = new TrackingCodeEntity();
            entity.code = code;
            entity.campaignId = campaignId;
            getEntityManager().persist(entity);
        }
    }
}
