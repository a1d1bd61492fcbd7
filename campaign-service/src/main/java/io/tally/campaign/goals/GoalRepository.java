package io.tally.campaign.goals;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Goals by id, by programme and by period. */
@ApplicationScoped
public class GoalRepository implements PanacheRepositoryBase<Goal, UUID> {

    /** A programme's goals, optionally of one period label, in creation order. */
    public List<Goal> findByProgramme(UUID programmeId, String period) {
        return period == null
                ? list("programmeId", Sort.ascending("createdAt", "id"), programmeId)
                : list("programmeId = ?1 and target.period = ?2", Sort.ascending("createdAt", "id"), programmeId,
                        period);
    }

    /** The goal with the same scope and period, if any (at most one may exist). */
    public List<Goal> findSame(UUID programmeId, GoalSettings s) {
        return findByProgramme(programmeId, s.period()).stream()
                .filter(g -> Objects.equals(g.settings().campaignId(), s.campaignId())
                        && Objects.equals(g.settings().channel(), s.channel()))
                .toList();
    }
}
