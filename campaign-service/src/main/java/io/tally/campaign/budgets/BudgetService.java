package io.tally.campaign.budgets;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.tally.campaign.api.BudgetRequest;
import io.tally.campaign.api.BudgetResponse;
import io.tally.campaign.api.HistoryPage;
import io.tally.campaign.audit.AuditTrail;
import io.tally.campaign.campaigns.Campaign;
import io.tally.campaign.campaigns.CampaignRepository;
import io.tally.campaign.pacing.GoalPeriod;
import io.tally.campaign.plans.PlanInputs;
import io.tally.campaign.plans.PlannedAmount;
import io.tally.campaign.programmes.ProgrammeService;
import io.tally.events.validation.Violation;
import io.tally.support.etag.ETags;
import io.tally.support.problem.ProblemException;

/**
 * The spend plan of campaigns: a budget per campaign and period. Lines of one campaign never overlap, lie within the
 * campaign's dates and together stay within its total budget; every change runs under the campaign's row lock, so two
 * concurrent lines cannot break these rules together.
 */
@ApplicationScoped
public class BudgetService {

    /** The audit trail's name for budget lines. */
    static final String RESOURCE = "budget";

    @Inject
    CampaignBudgetRepository budgets;
    @Inject
    CampaignRepository campaigns;
    @Inject
    AuditTrail audit;

    /** Adds a line to the campaign's plan; 404 for an unknown campaign, 409 when it breaks the plan's rules. */
    @Transactional
    public BudgetResponse createBudget(UUID campaignId, BudgetRequest request) {
        Campaign campaign = lockCampaign(campaignId);
        PlannedAmount line = line(campaign, request);
        checkPlan(campaign, line, null);
        Instant now = ProgrammeService.now();
        CampaignBudget budget = CampaignBudget.create(campaignId, campaign.getProgramme().getId(), line, now);
        budgets.persistAndFlush(budget);
        BudgetResponse created = toResponse(budget);
        audit.record(RESOURCE, budget.getId(), budget.getVersion(), null, created, now);
        return created;
    }

    /** Replaces a line if {@code ifMatch} names its current version. */
    @Transactional
    public BudgetResponse replaceBudget(UUID id, String ifMatch, BudgetRequest request) {
        CampaignBudget budget = require(id);
        Campaign campaign = lockCampaign(budget.getCampaignId());
        budgets.getEntityManager().refresh(budget, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireMatch(ifMatch, budget.getVersion(), "budget " + id);
        PlannedAmount line = line(campaign, request);
        checkPlan(campaign, line, id);
        BudgetResponse before = toResponse(budget);
        Instant now = ProgrammeService.now();
        budget.replace(line, now);
        budgets.flush();
        BudgetResponse after = toResponse(budget);
        audit.record(RESOURCE, id, budget.getVersion(), before, after, now);
        return after;
    }

    /** Removes a line if {@code ifMatch} names its current version; its history stays. */
    @Transactional
    public void deleteBudget(UUID id, String ifMatch) {
        CampaignBudget budget = require(id);
        lockCampaign(budget.getCampaignId());
        budgets.getEntityManager().refresh(budget, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireMatch(ifMatch, budget.getVersion(), "budget " + id);
        audit.record(RESOURCE, id, budget.getVersion() + 1, toResponse(budget), null, ProgrammeService.now());
        budgets.delete(budget);
    }

    /** The line, or a 404 problem. */
    @Transactional
    public BudgetResponse findBudget(UUID id) {
        return toResponse(require(id));
    }

    /** A campaign's plan by first day; 404 for an unknown campaign. */
    @Transactional
    public List<BudgetResponse> findBudgets(UUID campaignId) {
        campaigns.findLive(campaignId).orElseThrow(() -> ProblemException.notFound("campaign " + campaignId));
        return budgets.findByCampaign(campaignId).stream().map(BudgetService::toResponse).toList();
    }

    /** One page of the line's audit trail, newest first (a deleted line's history stays readable). */
    public HistoryPage history(UUID id, int page, int size) {
        return audit.historyOrNotFound(RESOURCE, "budget", id, page, size);
    }

    /** How many budget lines the campaign has. */
    public long countOf(UUID campaignId) {
        return budgets.count("campaignId", campaignId);
    }

    /**
     * 409 unless the campaign's lines still fit new dates and a new total budget (before a campaign {@code PUT}
     * changes them).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void checkLinesFit(Campaign campaign, LocalDate start, LocalDate end, BigDecimal total) {
        List<CampaignBudget> lines = budgets.findByCampaign(campaign.getId());
        for (CampaignBudget b : lines) {
            PlannedAmount l = b.line();
            if ((start != null && l.firstDay().isBefore(start)) || (end != null && l.lastDay().isAfter(end))) {
                throw ProblemException.conflict("budget " + b.getId() + " (" + l.period()
                        + ") would lie outside the campaign's dates; change or delete it first");
            }
        }
        BigDecimal planned = lines.stream().map(b -> b.line().amount()).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total != null && planned.compareTo(total) > 0) {
            throw ProblemException.conflict("the campaign's spend plan totals " + planned.toPlainString()
                    + ", more than the budget " + total.toPlainString() + "; change the plan first");
        }
    }

    private void checkPlan(Campaign campaign, PlannedAmount line, UUID self) {
        if ((campaign.getStartDate() != null && line.firstDay().isBefore(campaign.getStartDate()))
                || (campaign.getEndDate() != null && line.lastDay().isAfter(campaign.getEndDate()))) {
            throw ProblemException.invalid("period", "must lie within the campaign's dates "
                    + text(campaign.getStartDate()) + ".." + text(campaign.getEndDate()));
        }
        BigDecimal planned = line.amount();
        for (CampaignBudget other : budgets.findByCampaign(campaign.getId())) {
            if (other.getId().equals(self)) {
                continue;
            }
            if (other.line().overlaps(line.firstDay(), line.lastDay())) {
                throw ProblemException.conflict("budget " + other.getId() + " (" + other.line().period()
                        + ") already covers part of " + line.period() + "; change that line instead");
            }
            planned = planned.add(other.line().amount());
        }
        if (campaign.getBudget() != null && planned.compareTo(campaign.getBudget()) > 0) {
            throw ProblemException.conflict("the spend plan would total " + planned.toPlainString()
                    + ", more than the campaign's budget " + campaign.getBudget().toPlainString());
        }
    }

    private static PlannedAmount line(Campaign campaign, BudgetRequest r) {
        List<Violation> errors = new ArrayList<>();
        GoalPeriod period = PlanInputs.period(campaign.getProgramme(), r.period(), errors);
        BigDecimal amount = PlanInputs.amount("amount", r.amount(), r.currency(), true, errors);
        PlanInputs.requireProgrammeCurrency(campaign.getProgramme(), r.currency(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return PlannedAmount.of(period.label(), period.firstDay(), period.lastDay(), amount, r.currency());
    }

    private Campaign lockCampaign(UUID campaignId) {
        return campaigns.lockLive(campaignId).orElseThrow(() -> ProblemException.notFound("campaign " + campaignId));
    }

    private CampaignBudget require(UUID id) {
        return budgets.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("budget " + id));
    }

    private static String text(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    static BudgetResponse toResponse(CampaignBudget b) {
        PlannedAmount l = b.line();
        return new BudgetResponse(b.getId(), b.getCampaignId(), b.getProgrammeId(), l.period(), l.firstDay(),
                l.lastDay(), l.amount().toPlainString(), l.currency(), b.getVersion(), b.getCreatedAt(),
                b.getUpdatedAt());
    }
}
