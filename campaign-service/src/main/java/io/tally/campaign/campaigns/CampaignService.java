package io.tally.campaign.campaigns;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.panache.common.Page;
import io.tally.campaign.api.CampaignPage;
import io.tally.campaign.api.CampaignRequest;
import io.tally.campaign.api.CampaignResponse;
import io.tally.campaign.api.HistoryPage;
import io.tally.campaign.api.Listing;
import io.tally.campaign.audit.AuditTrail;
import io.tally.campaign.budgets.BudgetService;
import io.tally.campaign.codes.CodeAssigner;
import io.tally.campaign.codes.CodeSpan;
import io.tally.campaign.config.CampaignConfig;
import io.tally.campaign.goals.GoalRepository;
import io.tally.campaign.plans.PlanInputs;
import io.tally.campaign.programmes.Programme;
import io.tally.campaign.programmes.ProgrammeService;
import io.tally.campaign.programmes.ProgrammeSettings;
import io.tally.events.CampaignChanged;
import io.tally.events.Channel;
import io.tally.events.validation.Violation;
import io.tally.support.etag.ETags;
import io.tally.support.problem.ProblemException;

/**
 * The campaign use cases: create, replace, delete and find, each in one transaction with its audit entry. Tracking
 * codes are assigned by {@link CodeAssigner}, every change is published by {@link CampaignPublisher}, the list's
 * filters are a {@link CampaignFilter}, and {@link CampaignMapper} gives the API's view.
 */
@ApplicationScoped
public class CampaignService {

    /** The audit trail's name for campaigns. */
    public static final String RESOURCE = "campaign";

    @Inject
    CampaignRepository campaigns;
    @Inject
    ProgrammeService programmes;
    @Inject
    CodeAssigner codes;
    @Inject
    CampaignPublisher publisher;
    @Inject
    AuditTrail audit;
    @Inject
    BudgetService budgets;
    @Inject
    GoalRepository goals;
    @Inject
    CampaignConfig config;

    /**
     * Creates a campaign from a validated request and, in the same transaction, its {@link CampaignChanged} outbox row.
     * Answers 404 for an unknown programme and 409 when another campaign owns one of the codes.
     */
    @Transactional
    public CampaignResponse createCampaign(UUID programmeId, CampaignRequest request) {
        Programme programme = programmes.require(programmeId);
        Plan plan = plan(programme, request);
        List<CodeSpan> spans = codes.assign(UUID.randomUUID(), request.trackingCodes());
        Instant now = ProgrammeService.now();
        Campaign campaign = Campaign.create(programme, request.name().strip(),
                Channel.fromWireName(request.channel()).orElseThrow(), spans, now);
        campaign.plan(plan.start(), plan.end(), plan.budget());
        codes.write(() -> campaigns.persistAndFlush(campaign));
        publisher.publish(campaign, now);
        CampaignResponse created = CampaignMapper.toResponse(campaign);
        audit.record(RESOURCE, campaign.getId(), campaign.getVersion(), null, created, now);
        return created;
    }

    /**
     * Replaces the campaign's name, channel and tracking codes if {@code ifMatch} names its current version, and
     * publishes the next {@link CampaignChanged} version in the same transaction. 409 when another campaign owns one of
     * the codes.
     */
    @Transactional
    public CampaignResponse replaceCampaign(UUID id, String ifMatch, CampaignRequest request) {
        Campaign campaign = campaigns.lockLive(id).orElseThrow(() -> ProblemException.notFound("campaign " + id));
        ETags.requireMatch(ifMatch, campaign.getVersion(), "campaign " + id);
        Plan plan = plan(campaign.getProgramme(), request);
        budgets.checkLinesFit(campaign, plan.start(), plan.end(), plan.budget());
        List<CodeSpan> spans = codes.assign(id, request.trackingCodes());
        CampaignResponse before = CampaignMapper.toResponse(campaign);
        Instant now = ProgrammeService.now();
        campaign.replace(request.name().strip(), Channel.fromWireName(request.channel()).orElseThrow(), spans, now);
        campaign.plan(plan.start(), plan.end(), plan.budget());
        codes.write(campaigns::flush);
        publisher.publish(campaign, now);
        CampaignResponse after = CampaignMapper.toResponse(campaign);
        audit.record(RESOURCE, id, campaign.getVersion(), before, after, now);
        return after;
    }

    /**
     * Deletes the campaign if {@code ifMatch} names its current version: its codes are released and the next
     * {@link CampaignChanged} says deleted (attribution re-credits what its codes carried). The row stays for past
     * figures and the audit trail. 409 while budget lines or goals refer to it.
     */
    @Transactional
    public void deleteCampaign(UUID id, String ifMatch) {
        Campaign campaign = campaigns.lockLive(id).orElseThrow(() -> ProblemException.notFound("campaign " + id));
        ETags.requireMatch(ifMatch, campaign.getVersion(), "campaign " + id);
        long lines = budgets.countOf(id);
        long goalsOf = goals.count("campaignId", id);
        if (lines > 0 || goalsOf > 0) {
            throw ProblemException.conflict("campaign " + id + " still has " + lines + " budget line(s) and "
                    + goalsOf + " goal(s); delete them first");
        }
        CampaignResponse before = CampaignMapper.toResponse(campaign);
        Instant now = ProgrammeService.now();
        campaign.delete(now);
        campaigns.flush();
        publisher.publish(campaign, now);
        audit.record(RESOURCE, id, campaign.getVersion(), before, null, now);
    }

    /** One page of the campaign's audit trail, newest first (a deleted campaign's history stays readable). */
    public HistoryPage history(UUID id, int page, int size) {
        return audit.historyOrNotFound(RESOURCE, "campaign", id, page, size);
    }

    /** The campaign, or a 404 problem. */
    @Transactional
    public CampaignResponse findCampaign(UUID id) {
        return campaigns.findLive(id).map(CampaignMapper::toResponse)
                .orElseThrow(() -> ProblemException.notFound("campaign " + id));
    }

    /**
     * One page of a programme's campaigns, filtered as {@link CampaignFilter} describes and sorted by {@code sort}
     * ({@code createdAt}, {@code name}, {@code startDate}; {@code -} first for descending); 404 for an unknown
     * programme.
     */
    @Transactional
    public CampaignPage findCampaigns(UUID programmeId, int page, int size, String channel, String nameContains,
            LocalDate activeOn, String sort) {
        programmes.require(programmeId);
        int capped = Math.min(size, config.api().maxPageSize());
        Channel only = channel == null ? null : Channel.fromWireName(channel).orElseThrow(); // validated by the resource
        Listing.Query query = new CampaignFilter(programmeId, only, nameContains, activeOn).query(sort);
        var found = campaigns.find(query.hql(), query.parameters());
        var items = found.page(Page.of(page, capped)).list().stream().map(CampaignMapper::toResponse).toList();
        return new CampaignPage(items, page, capped, found.count());
    }

    /** A campaign's dates and total budget. */
    private record Plan(LocalDate start, LocalDate end, BigDecimal budget) {
    }

    /** The request's dates and budget, or a 400 naming each bad field. */
    private static Plan plan(Programme programme, CampaignRequest r) {
        List<Violation> errors = new ArrayList<>();
        ProgrammeSettings p = programme.settings();
        if (r.startDate() != null && r.endDate() != null && r.endDate().isBefore(r.startDate())) {
            errors.add(new Violation("endDate", "must not be before startDate"));
        }
        if (r.startDate() != null && p.startDate() != null && r.startDate().isBefore(p.startDate())) {
            errors.add(new Violation("startDate", "must not be before the programme's start " + p.startDate()));
        }
        if (r.endDate() != null && p.endDate() != null && r.endDate().isAfter(p.endDate())) {
            errors.add(new Violation("endDate", "must not be after the programme's end " + p.endDate()));
        }
        BigDecimal budget = r.budget() == null
                ? null
                : PlanInputs.amount("budget", r.budget(), p.reportingCurrency(), true, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Plan(r.startDate(), r.endDate(), budget);
    }
}
