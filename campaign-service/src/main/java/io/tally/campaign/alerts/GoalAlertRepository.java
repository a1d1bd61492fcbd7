package io.tally.campaign.alerts;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.tally.campaign.goals.Goal;

/** Goal status changes, newest first. */
@ApplicationScoped
public class GoalAlertRepository implements PanacheRepository<GoalAlert> {

    /** One page of alerts, of one programme or of all, newest first; and how many there are. */
    public List<GoalAlert> findPage(UUID programmeId, Page page) {
        return query(programmeId).page(page).list();
    }

    public long countOf(UUID programmeId) {
        return query(programmeId).count();
    }

    private PanacheQuery<GoalAlert> query(UUID programmeId) {
        return programmeId == null
                ? findAll(Sort.descending("id"))
                : find("programmeId", Sort.descending("id"), programmeId);
    }
}
