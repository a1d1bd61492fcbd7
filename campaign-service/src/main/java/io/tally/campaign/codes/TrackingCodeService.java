package io.tally.campaign.codes;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.tally.campaign.api.CampaignResponse;
import io.tally.campaign.api.CodeAssignment;
import io.tally.campaign.api.CodeAssignmentPage;
import io.tally.campaign.api.RepointRequest;
import io.tally.campaign.audit.AuditTrail;
import io.tally.campaign.campaigns.Campaign;
import io.tally.campaign.campaigns.CampaignMapper;
import io.tally.campaign.campaigns.CampaignPublisher;
import io.tally.campaign.campaigns.CampaignRepository;
import io.tally.campaign.campaigns.CampaignService;
import io.tally.campaign.config.CampaignConfig;
import io.tally.campaign.programmes.ProgrammeService;
import io.tally.support.problem.ProblemException;

/** Tracking codes across campaigns: where a code points and since when, and re-pointing from a date on. */
@ApplicationScoped
public class TrackingCodeService {

    @Inject
    CampaignRepository campaigns;
    @Inject
    CodeAssigner codeAssigner;
    @Inject
    CampaignPublisher publisher;
    @Inject
    AuditTrail audit;
    @Inject
    CampaignConfig config;

    /** Every span of a code, oldest first; 404 when no campaign ever had it. */
    @Transactional
    public List<CodeAssignment> history(String rawCode) {
        String code = normalised(rawCode);
        List<CodeAssignment> spans = assignments(code);
        if (spans.isEmpty()) {
            throw ProblemException.notFound("tracking code " + code);
        }
        return spans;
    }

    /** One page of code spans, optionally of one campaign, programme or type, by code and start. */
    @Transactional
    public CodeAssignmentPage list(UUID campaignId, UUID programmeId, String type, int page, int requestedSize) {
        int size = Math.min(requestedSize, config.api().maxPageSize());
        return new CodeAssignmentPage(campaigns.assignments(null, campaignId, programmeId, type, page, size).stream()
                .map(TrackingCodeService::toView).toList(), page, size,
                campaigns.countAssignments(campaignId, programmeId, type));
    }

    /**
     * Points the code at the campaign from the start of {@code from} (in its programme's time zone) on: the span the
     * code is in now ends there and stays as history. Both campaigns get their next version, a CampaignChanged and an
     * audit entry, in one transaction. 404 for an unknown campaign, 409 when the date does not follow the spans so far.
     */
    @Transactional
    public List<CodeAssignment> repoint(String rawCode, RepointRequest request) {
        String code = normalised(rawCode);
        Campaign target = campaigns.findLive(request.campaignId())
                .orElseThrow(() -> ProblemException.notFound("campaign " + request.campaignId()));
        Instant from = request.from().atStartOfDay(ZoneId.of(target.getProgramme().getTimeZone())).toInstant();

        // campaign rows first, then the code (the order replaceCampaign takes them in), so writers never deadlock
        Set<UUID> locked = new TreeSet<>();
        locked.add(target.getId());
        campaigns.spansOf(List.of(code)).stream().filter(CodeSpan::isOpenEnded)
                .forEach(open -> locked.add(open.campaignId()));
        Map<UUID, Campaign> rows = new HashMap<>();
        for (UUID id : locked) {
            rows.put(id, campaigns.findById(id, LockModeType.PESSIMISTIC_WRITE));
        }
        campaigns.lockCodes(List.of(code));
        Map<UUID, List<CodeSpan>> changed;
        try {
            changed = CodeAssignments.repoint(code, request.type(), target.getId(), from,
                    campaigns.spansOf(List.of(code)));
        } catch (CodeAssignments.Conflict conflict) {
            throw codeAssigner.conflictWith(conflict);
        }
        if (!locked.containsAll(changed.keySet())) {
            throw ProblemException.conflict("tracking code '" + code + "' was just changed by another request; retry");
        }
        Instant now = ProgrammeService.now();
        for (Map.Entry<UUID, List<CodeSpan>> e : changed.entrySet()) {
            Campaign campaign = rows.get(e.getKey());
            CampaignResponse before = CampaignMapper.toResponse(campaign);
            campaign.replaceSpansOf(code, e.getValue(), now);
            campaigns.flush();
            publisher.publish(campaign, now);
            audit.record(CampaignService.RESOURCE, campaign.getId(), campaign.getVersion(), before,
                    CampaignMapper.toResponse(campaign), now);
        }
        return assignments(code);
    }

    private List<CodeAssignment> assignments(String code) {
        return campaigns.assignments(code, null, null, null, 0, Integer.MAX_VALUE).stream()
                .map(TrackingCodeService::toView).toList();
    }

    private static CodeAssignment toView(CampaignRepository.Assignment a) {
        CodeSpan s = a.span();
        return new CodeAssignment(s.code(), s.type(), s.validFrom(), s.validUntil(), s.campaignId(), a.campaignName(),
                a.programmeId());
    }

    private static String normalised(String raw) {
        TrackingCodes.problemWith(raw).ifPresent(problem -> {
            throw ProblemException.invalid("code", problem);
        });
        return TrackingCodes.normalise(raw);
    }
}
