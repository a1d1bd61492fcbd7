package io.tally.campaign.repository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Campaigns by id, by programme, and by the tracking codes they own. */
@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, UUID> {

    /** Which campaign owns a tracking code. */
    public record CodeOwner(String code, UUID campaignId, String campaignName) {
    }

    /** The campaigns of a programme, oldest first. */
    public List<Campaign> findByProgramme(UUID programmeId) {
        return find("select distinct c from Campaign c left join fetch c.trackingCodes"
                + " where c.programme.id = ?1 order by c.createdAt, c.id", programmeId).list();
    }

    /** The owners of any of the given (normalised) codes, in code order. */
    public List<CodeOwner> findOwners(Collection<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery("select tc, c.id, c.name from Campaign c join c.trackingCodes tc"
                        + " where tc in :codes order by tc", Object[].class)
                .setParameter("codes", codes)
                .getResultList().stream()
                .map(row -> new CodeOwner((String) row[0], (UUID) row[1], (String) row[2]))
                .toList();
    }
}
