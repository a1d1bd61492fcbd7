package io.tally.campaign.budgets;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Budget lines by campaign and by programme. */
@ApplicationScoped
public class CampaignBudgetRepository implements PanacheRepositoryBase<CampaignBudget, UUID> {

    /** A campaign's budget lines by first day. */
    public List<CampaignBudget> findByCampaign(UUID campaignId) {
        return list("campaignId = ?1 order by line.firstDay, id", campaignId);
    }

    /** The budget lines of a programme's campaigns that share a day with [first, last]. */
    public List<CampaignBudget> findByProgrammeOverlapping(UUID programmeId, LocalDate first, LocalDate last) {
        return list("programmeId = ?1 and line.firstDay <= ?3 and line.lastDay >= ?2 order by line.firstDay, id",
                programmeId,
                first, last);
    }
}
