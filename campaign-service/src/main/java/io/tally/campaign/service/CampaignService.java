package io.tally.campaign.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import io.tally.campaign.domain.TrackingCodes;
import io.tally.campaign.repository.Campaign;
import io.tally.campaign.repository.CampaignRepository;
import io.tally.campaign.repository.CampaignRepository.CodeOwner;
import io.tally.campaign.repository.Programme;
import io.tally.campaign.rest.CampaignRequest;
import io.tally.campaign.rest.CampaignResponse;
import io.tally.campaign.rest.HistoryPage;
import io.tally.events.CampaignChanged;
import io.tally.events.Channel;
import io.tally.events.Topics;
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

    /** The audit trail's name for campaigns. */
    static final String RESOURCE = "campaign";

    /**
     * Creates a campaign from a validated request and, in the same transaction, its {@link CampaignChanged} outbox row.
     * Answers 404 for an unknown programme and 409 when another campaign owns one of the codes.
     */
    @Transactional
    public CampaignResponse createCampaign(UUID programmeId, CampaignRequest request) {
        Programme programme = programmes.require(programmeId);
        List<String> codes = TrackingCodes.normaliseAll(request.trackingCodes() == null
                ? List.of()
                : request.trackingCodes());
        rejectCodesOfOtherCampaigns(codes, null);
        Instant now = ProgrammeService.now();
        Campaign campaign = Campaign.create(programme, request.name().strip(),
                Channel.fromWireName(request.channel()).orElseThrow(), codes, now);
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
        outbox.append(Topics.CAMPAIGNS, campaign.getId().toString(), toEvent(campaign, now));
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
        Campaign campaign = campaigns.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("campaign " + id));
        ETags.requireMatch(ifMatch, campaign.getVersion(), "campaign " + id);
        List<String> codes = TrackingCodes.normaliseAll(request.trackingCodes() == null
                ? List.of()
                : request.trackingCodes());
        rejectCodesOfOtherCampaigns(codes, id);
        CampaignResponse before = toResponse(campaign);
        Instant now = ProgrammeService.now();
        campaign.replace(request.name().strip(), Channel.fromWireName(request.channel()).orElseThrow(), codes, now);
        try {
            campaigns.flush();
        } catch (PersistenceException e) {
            if (!takenCode(e)) {
                throw e;
            }
            throw ProblemException.conflict("a tracking code of this campaign was just taken by another campaign;"
                    + " retry to see which");
        }
        outbox.append(Topics.CAMPAIGNS, campaign.getId().toString(), toEvent(campaign, now));
        CampaignResponse after = toResponse(campaign);
        audit.record(RESOURCE, id, campaign.getVersion(), before, after, now);
        return after;
    }

    /** One page of the campaign's audit trail, newest first. */
    public HistoryPage history(UUID id, int page, int size) {
        findCampaign(id);
        return audit.history(RESOURCE, id, page, size);
    }

    /**
     * Publishes a new version of every campaign of the programme, in the caller's transaction, because each
     * {@link CampaignChanged} carries its programme's name, currency, time zone and lookback.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void republishProgramme(Programme programme, Instant now) {
        for (Campaign campaign : campaigns.findByProgramme(programme.getId())) {
            campaign.republish(now);
            outbox.append(Topics.CAMPAIGNS, campaign.getId().toString(), toEvent(campaign, now));
        }
    }

    /** The campaign, or a 404 problem. */
    @Transactional
    public CampaignResponse findCampaign(UUID id) {
        return campaigns.findByIdOptional(id).map(CampaignService::toResponse)
                .orElseThrow(() -> ProblemException.notFound("campaign " + id));
    }

    /** The campaigns of a programme, oldest first, or a 404 problem for an unknown programme. */
    @Transactional
    public List<CampaignResponse> findCampaigns(UUID programmeId) {
        programmes.require(programmeId);
        return campaigns.findByProgramme(programmeId).stream().map(CampaignService::toResponse).toList();
    }

    private void rejectCodesOfOtherCampaigns(List<String> codes, UUID self) {
        List<CodeOwner> owners = campaigns.findOwners(codes).stream().filter(o -> !o.campaignId().equals(self))
                .toList();
        if (!owners.isEmpty()) {
            throw ProblemException.conflict(owners.stream()
                    .map(o -> "tracking code '" + o.code() + "' already belongs to campaign '" + o.campaignName()
                            + "' (" + o.campaignId() + ")")
                    .collect(Collectors.joining("; ")));
        }
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
                        p.getLookbackDays()),
                c.getName(), c.getChannel(),
                c.getTrackingCodes().stream().map(CampaignChanged.TrackingCode::of).toList(), false);
        Violations violations = new Violations();
        event.validate(violations);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("CampaignChanged breaks the contract: " + violations.list());
        }
        return event;
    }

    private static CampaignResponse toResponse(Campaign c) {
        return new CampaignResponse(c.getId(), c.getProgramme().getId(), c.getName(), c.getChannel(),
                c.getTrackingCodes(), c.getVersion());
    }
}
