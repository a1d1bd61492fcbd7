package io.tally.campaign.goals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.tally.campaign.api.GoalRequest;
import io.tally.campaign.api.GoalResponse;
import io.tally.campaign.api.HistoryPage;
import io.tally.campaign.audit.AuditTrail;
import io.tally.campaign.campaigns.Campaign;
import io.tally.campaign.campaigns.CampaignRepository;
import io.tally.campaign.config.CampaignConfig;
import io.tally.campaign.pacing.GoalPeriod;
import io.tally.campaign.plans.PlanInputs;
import io.tally.campaign.programmes.Programme;
import io.tally.campaign.programmes.ProgrammeService;
import io.tally.events.validation.Violation;
import io.tally.support.etag.ETags;
import io.tally.support.problem.ProblemException;

/**
 * Creates, finds and replaces revenue goals. A goal is in its programme's reporting currency (no FX rate source is
 * configured), for a period of the programme's time zone, and at most one goal exists per scope and period.
 */
@ApplicationScoped
public class GoalService {

    /** The audit trail's name for goals. */
    static final String RESOURCE = "goal";

    @Inject
    GoalRepository goals;
    @Inject
    CampaignRepository campaigns;
    @Inject
    ProgrammeService programmes;
    @Inject
    AuditTrail audit;
    @Inject
    CampaignConfig config;

    /** Creates a goal of the programme; 404 for an unknown programme, 409 when its scope and period have one. */
    @Transactional
    public GoalResponse createGoal(UUID programmeId, GoalRequest request) {
        Programme programme = programmes.require(programmeId);
        GoalSettings settings = settings(programme, request);
        rejectDuplicate(programmeId, settings, null);
        Instant now = ProgrammeService.now();
        Goal goal = Goal.create(programmeId, settings, now);
        goals.persistAndFlush(goal);
        GoalResponse created = toResponse(goal);
        audit.record(RESOURCE, goal.getId(), goal.getVersion(), null, created, now);
        return created;
    }

    /** Replaces the goal's settings if {@code ifMatch} names its current version. */
    @Transactional
    public GoalResponse replaceGoal(UUID id, String ifMatch, GoalRequest request) {
        Goal goal = goals.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("goal " + id));
        ETags.requireMatch(ifMatch, goal.getVersion(), "goal " + id);
        GoalSettings settings = settings(programmes.require(goal.getProgrammeId()), request);
        rejectDuplicate(goal.getProgrammeId(), settings, id);
        GoalResponse before = toResponse(goal);
        Instant now = ProgrammeService.now();
        goal.replace(settings, now);
        goals.flush();
        GoalResponse after = toResponse(goal);
        audit.record(RESOURCE, id, goal.getVersion(), before, after, now);
        return after;
    }

    /** Deletes the goal if {@code ifMatch} names its current version; its history and alerts stay. */
    @Transactional
    public void deleteGoal(UUID id, String ifMatch) {
        Goal goal = goals.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("goal " + id));
        ETags.requireMatch(ifMatch, goal.getVersion(), "goal " + id);
        audit.record(RESOURCE, id, goal.getVersion() + 1, toResponse(goal), null, ProgrammeService.now());
        goals.delete(goal);
    }

    /** The goal, or a 404 problem. */
    @Transactional
    public GoalResponse findGoal(UUID id) {
        return toResponse(require(id));
    }

    /** A programme's goals, optionally of one period, in creation order; 404 for an unknown programme. */
    @Transactional
    public List<GoalResponse> findGoals(UUID programmeId, String period) {
        Programme programme = programmes.require(programmeId);
        String label = period == null ? null : PlanInputs.period(programme, period).label();
        return goals.findByProgramme(programmeId, label).stream().map(GoalService::toResponse).toList();
    }

    /** One page of the goal's audit trail, newest first (a deleted goal's history stays readable). */
    public HistoryPage history(UUID id, int page, int size) {
        return audit.historyOrNotFound(RESOURCE, "goal", id, page, size);
    }

    /** The goal entity, or a 404 problem; for use inside a service transaction. */
    Goal require(UUID id) {
        return goals.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("goal " + id));
    }

    private GoalSettings settings(Programme programme, GoalRequest r) {
        List<Violation> errors = new ArrayList<>();
        GoalPeriod period = PlanInputs.period(programme, r.period(), errors);
        BigDecimal amount = PlanInputs.amount("amount", r.amount(), r.currency(), false, errors);
        PlanInputs.requireProgrammeCurrency(programme, r.currency(), errors);
        if (r.campaignId() != null && r.channel() != null && !r.channel().isBlank()) {
            errors.add(new Violation("channel", "must be empty when campaignId narrows the goal to a campaign"));
        }
        if (r.campaignId() != null) {
            Campaign campaign = campaigns.findLive(r.campaignId()).orElse(null);
            if (campaign == null || !campaign.getProgramme().getId().equals(programme.getId())) {
                errors.add(new Violation("campaignId", "must be a campaign of programme " + programme.getId()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        String channel = r.channel() == null || r.channel().isBlank() ? null : r.channel();
        return new GoalSettings(r.campaignId(), channel, period.label(), period.firstDay(), period.lastDay(), amount,
                r.currency());
    }

    private void rejectDuplicate(UUID programmeId, GoalSettings settings, UUID self) {
        goals.findSame(programmeId, settings).stream().filter(g -> !g.getId().equals(self)).findFirst()
                .ifPresent(g -> {
                    throw ProblemException.conflict("goal " + g.getId() + " already sets " + settings.period()
                            + " for this scope; change that goal instead");
                });
    }

    static GoalResponse toResponse(Goal g) {
        GoalSettings s = g.settings();
        return new GoalResponse(g.getId(), g.getProgrammeId(), s.campaignId(), s.channel(), s.period(), s.firstDay(),
                s.lastDay(), s.amount().toPlainString(), s.currency(), g.getStatus(), g.getStatusAt(),
                g.getVersion(), g.getCreatedAt(), g.getUpdatedAt());
    }
}
