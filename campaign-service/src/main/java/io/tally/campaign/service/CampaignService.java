package io.tally.campaign.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.quarkus.panache.common.Page;
import io.tally.campaign.api.CampaignPage;
import io.tally.campaign.api.CampaignRequest;
import io.tally.campaign.api.CampaignResponse;
import io.tally.campaign.api.HistoryPage;
import io.tally.campaign.api.TrackingCodeInput;
import io.tally.campaign.api.TrackingCodeView;
import io.tally.campaign.config.CampaignConfig;
import io.tally.campaign.domain.CodeAssignments;
import io.tally.campaign.domain.CodeSpan;
import io.tally.campaign.domain.TrackingCodes;
import io.tally.campaign.repository.Campaign;
import io.tally.campaign.repository.CampaignRepository;
import io.tally.campaign.repository.GoalRepository;
import io.tally.campaign.repository.Programme;
import io.tally.campaign.repository.ProgrammeSettings;
import io.tally.events.CampaignChanged;
import io.tally.events.Channel;
import io.tally.events.Topics;
import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;
import io.tally.outbox.Outbox;
import io.tally.support.etag.ETags;
import io.tally.support.problem.ProblemException;

/** Creates and finds campaigns; every change is published as {@link CampaignChanged} through the outbox. */
@ApplicationScoped
public class CampaignService {

    @Inject
    CampaignRepository campaigns;

    @Inject
    ProgrammeService programmes;

    @Inject
    Outbox outbox;

    @Inject
    AuditTrail audit;

    @Inject
    BudgetService budgets;

    @Inject
    GoalRepository goals;

    /** The audit trail's name for campaigns. */
    static final String RESOURCE = "campaign";
    /** What {@code sort} accepts, by API name. */
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "name", "lower(name)",
            "startDate",
            "startDate");

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
        List<CodeSpan> codes = assignCodes(UUID.randomUUID(), request.trackingCodes());
        Instant now = ProgrammeService.now();
        Campaign campaign = Campaign.create(programme, request.name().strip(),
                Channel.fromWireName(request.channel()).orElseThrow(), codes, now);
        campaign.plan(plan.start(), plan.end(), plan.budget());
        try {
            campaigns.persistAndFlush(campaign);
        } catch (PersistenceException e) {
            if (!takenCode(e)) {
                throw e;
            }
            // another transaction took one of the codes after our check
            throw ProblemException.conflict("a tracking code of this campaign was just taken by another campaign;"
                    + " retry to see which");
        }
        publish(campaign, now);
        CampaignResponse created = toResponse(campaign);
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
        List<CodeSpan> codes = assignCodes(id, request.trackingCodes());
        CampaignResponse before = toResponse(campaign);
        Instant now = ProgrammeService.now();
        campaign.replace(request.name().strip(), Channel.fromWireName(request.channel()).orElseThrow(), codes, now);
        campaign.plan(plan.start(), plan.end(), plan.budget());
        try {
            campaigns.flush();
        } catch (PersistenceException e) {
            if (!takenCode(e)) {
                throw e;
            }
            throw ProblemException.conflict("a tracking code of this campaign was just taken by another campaign;"
                    + " retry to see which");
        }
        publish(campaign, now);
        CampaignResponse after = toResponse(campaign);
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
        CampaignResponse before = toResponse(campaign);
        Instant now = ProgrammeService.now();
        campaign.delete(now);
        campaigns.flush();
        publish(campaign, now);
        audit.record(RESOURCE, id, campaign.getVersion(), before, null, now);
    }

    /** One page of the campaign's audit trail, newest first (a deleted campaign's history stays readable). */
    public HistoryPage history(UUID id, int page, int size) {
        return audit.historyOrNotFound(RESOURCE, "campaign", id, page, size);
    }

    /**
     * Publishes a new version of every campaign of the programme, in the caller's transaction, because each
     * {@link CampaignChanged} carries its programme's name, currency, time zone and lookback.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void republishProgramme(Programme programme, Instant now) {
        for (Campaign campaign : campaigns.findByProgramme(programme.getId())) {
            if (campaign.isDeleted()) {
                continue;
            }
            campaign.republish(now);
            publish(campaign, now);
        }
    }

    /** The campaign, or a 404 problem. */
    @Transactional
    public CampaignResponse findCampaign(UUID id) {
        return campaigns.findLive(id).map(CampaignService::toResponse)
                .orElseThrow(() -> ProblemException.notFound("campaign " + id));
    }

    /**
     * One page of a programme's campaigns, filtered by channel, a name fragment (case-insensitive) and a day they run
     * on (open dates count as running), sorted by {@code sort} ({@code createdAt}, {@code name}, {@code startDate};
     * {@code -} first for descending); 404 for an unknown programme.
     */
    @Transactional
    public CampaignPage findCampaigns(UUID programmeId, int page, int size, String channel, String nameContains,
            LocalDate activeOn, String sort) {
        programmes.require(programmeId);
        int capped = Math.min(size, config.api().maxPageSize());
        List<String> where = new ArrayList<>(List.of("programme.id = :programme", "deletedAt is null"));
        Map<String, Object> parameters = new HashMap<>(Map.of("programme", programmeId));
        if (channel != null) {
            where.add("channel = :channel");
            parameters.put("channel", Channel.fromWireName(channel).orElseThrow()); // validated by the resource
        }
        if (nameContains != null && !nameContains.isBlank()) {
            where.add("lower(name) like :name");
            parameters.put("name", Listing.containing(nameContains));
        }
        if (activeOn != null) {
            where.add("(startDate is null or startDate <= :day) and (endDate is null or endDate >= :day)");
            parameters.put("day", activeOn);
        }
        var found = campaigns.find(String.join(" and ", where) + " " + Listing.orderBy(sort, SORTABLE), parameters);
        var items = found.page(Page.of(page, capped)).list().stream().map(CampaignService::toResponse).toList();
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

    /**
     * The spans of a campaign ({@code self}; a fresh id for a new one) once it holds exactly the requested codes, under
     * the codes' locks; a 409 naming the campaign that holds one of them.
     */
    private List<CodeSpan> assignCodes(UUID self, List<TrackingCodeInput> requested) {
        Map<String, String> types = new LinkedHashMap<>();
        for (TrackingCodeInput code : requested == null ? List.<TrackingCodeInput> of() : requested) {
            types.put(TrackingCodes.normalise(code.code()),
                    code.type() == null ? CodeAssignments.DEFAULT_TYPE : code.type());
        }
        campaigns.lockCodes(types.keySet());
        try {
            return CodeAssignments.assign(self, types.entrySet().stream()
                    .map(e -> new CodeAssignments.Requested(e.getKey(), e.getValue())).toList(),
                    campaigns.spansOf(types.keySet()));
        } catch (CodeAssignments.Conflict conflict) {
            throw conflictWith(conflict);
        }
    }

    /** A 409 problem naming the campaign whose span is in the way. */
    ProblemException conflictWith(CodeAssignments.Conflict conflict) {
        Campaign other = campaigns.findById(conflict.span().campaignId());
        return ProblemException.conflict(conflict.getMessage() + ": campaign '" + other.getName() + "' ("
                + other.getId() + ")");
    }

    /** Publishes the campaign's current state as its next version (after a change made by the caller). */
    @Transactional(Transactional.TxType.MANDATORY)
    void publish(Campaign campaign, Instant now) {
        outbox.append(Topics.CAMPAIGNS, campaign.getId().toString(), toEvent(campaign, now));
    }

    private static boolean takenCode(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException violation) {
                return violation.getConstraintName() == null
                        || violation.getConstraintName().contains("tracking_code");
            }
        }
        return false;
    }

    private static CampaignChanged toEvent(Campaign c, Instant changedAt) {
        Programme p = c.getProgramme();
        CampaignChanged event = new CampaignChanged(CampaignChanged.eventIdOf(c.getId(), c.getVersion()), c.getId(),
                c.getVersion(), changedAt,
                new CampaignChanged.ProgrammeRef(p.getId(), p.getName(), p.getReportingCurrency(), p.getTimeZone(),
                        p.getLookbackDays(), p.settings().officialModel()),
                c.getName(), c.getChannel(),
                c.getTrackingCodes().stream().map(span -> new CampaignChanged.TrackingCode(span.code(), span.type(),
                        span.validFrom(), span.validUntil())).toList(),
                c.isDeleted());
        Violations violations = new Violations();
        event.validate(violations);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("CampaignChanged breaks the contract: " + violations.list());
        }
        return event;
    }

    static CampaignResponse toResponse(Campaign c) {
        return new CampaignResponse(c.getId(), c.getProgramme().getId(), c.getName(), c.getChannel(),
                c.getTrackingCodes().stream().map(TrackingCodeView::of).toList(), c.getStartDate(), c.getEndDate(),
                c.getBudget() == null ? null : c.getBudget().toPlainString(), c.getVersion());
    }
}
