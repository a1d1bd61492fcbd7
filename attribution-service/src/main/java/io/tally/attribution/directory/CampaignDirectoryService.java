package io.tally.attribution.directory;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tally.attribution.intake.ConversionEntity;
import io.tally.attribution.intake.ConversionRepository;
import io.tally.attribution.journeys.JourneyAssembler;
import io.tally.attribution.ledger.CreditReason;
import io.tally.attribution.ledger.CreditRepository;
import io.tally.attribution.ledger.CreditService;
import io.tally.attribution.ledger.LedgerLock;
import io.tally.attribution.ledger.LedgerRollup;
import io.tally.events.CampaignChanged;
import io.tally.events.TrackingCodes;

/**
 * Keeps attribution's copy of programmes, campaigns and tracking codes at the latest {@code CampaignChanged} version.
 * Codes resolve by the touch's time through their spans. When a campaign's spans of a code change (a code added,
 * removed or re-pointed from a date), the conversions credited through touches with that code are re-credited (as
 * adjustments), so a campaign set up after its first touches still gets their revenue and a re-pointed code moves
 * the credit of the touches after its date. When a programme's lookback or model settings change, the conversions of
 * open accounting periods its touches may reach are re-credited too (as adjustments); closed periods keep their
 * figures.
 */
@ApplicationScoped
public class CampaignDirectoryService {

    @Inject
    ProgrammeRepository programmes;
    @Inject
    CampaignRepository campaigns;
    @Inject
    CreditRepository credits;
    @Inject
    ConversionRepository conversions;
    @Inject
    CreditService creditService;
    @Inject
    LedgerRollup rollup;
    @Inject
    LedgerLock ledgerLock;
    @Inject
    TouchWeighting weighting;

    /** Applies the change; returns false when it is not newer than what is known (a redelivery or an old version). */
    @Transactional
    public boolean apply(CampaignChanged event) {
        LedgerLock.Held held = ledgerLock.exclusive();
        CampaignEntity campaign = campaigns.findById(event.campaignId());
        if (campaign != null && campaign.version >= event.version()) {
            return false;
        }
        boolean recredit = upsertProgramme(event);
        if (campaign == null) {
            campaign = new CampaignEntity();
            campaign.id = event.campaignId();
        }
        campaign.version = event.version();
        campaign.name = event.name();
        campaign.channel = event.channel() == null ? null : event.channel().wireName();
        campaign.programmeId = event.programme().id();
        campaign.deleted = event.deleted();
        campaign.updatedAt = event.changedAt();
        campaigns.persistAndFlush(campaign);

        Set<CampaignRepository.CodeSpan> before = new HashSet<>(campaigns.spansOf(campaign.id));
        List<CampaignChanged.TrackingCode> codes = event.deleted()
                ? List.of()
                : event.trackingCodes().stream().filter(c -> !TrackingCodes.normalise(c.code()).isEmpty()).toList();
        campaigns.replaceCodes(campaign.id, codes, event.changedAt());
        Set<CampaignRepository.CodeSpan> after = new HashSet<>(campaigns.spansOf(campaign.id));

        // a code whose spans in this campaign changed may now resolve elsewhere for some touches
        Set<String> moved = new LinkedHashSet<>();
        before.stream().filter(span -> !after.contains(span)).forEach(span -> moved.add(span.code()));
        after.stream().filter(span -> !before.contains(span)).forEach(span -> moved.add(span.code()));
        List<String> movedCodes = List.copyOf(moved);
        List<String> affected = credits.conversionsTouchedByCodes(movedCodes);
        if (recredit) {
            // the programme's lookback or model settings changed: what its touches earn in open periods follows
            Set<String> all = new TreeSet<>(affected);
            all.addAll(credits.openConversionsReachableFrom(campaign.programmeId,
                    (int) JourneyAssembler.MAX_LOOKBACK.toDays()));
            affected = List.copyOf(all);
        }
        for (ConversionEntity conversion : conversions.lockAll(affected)) {
            creditService.credit(held, conversion, event.eventId(), CreditReason.CAMPAIGN_CHANGE);
        }
        return true;
    }

    /**
     * Brings attribution's copy of the programme up to the event; true when its lookback or model settings changed
     * (not on first sight: a new programme's conversions are credited as its codes arrive).
     */
    private boolean upsertProgramme(CampaignChanged event) {
        CampaignChanged.ProgrammeRef ref = event.programme();
        ProgrammeEntity programme = programmes.findById(ref.id());
        if (programme != null && programme.updatedAt.isAfter(event.changedAt())) {
            return false;
        }
        boolean recredit = programme != null && (programme.lookbackDays != ref.lookbackDays()
                || !programme.modelSettings().equals(ref.modelSettings()));
        if (programme == null) {
            programme = new ProgrammeEntity();
            programme.id = ref.id();
        }
        boolean rebucket = programme.timeZone != null && !programme.timeZone.equals(ref.timeZone());
        programme.name = ref.name();
        programme.reportingCurrency = ref.reportingCurrency();
        programme.timeZone = ref.timeZone();
        programme.lookbackDays = ref.lookbackDays();
        programme.officialModel = ref.officialModel();
        programme.modelSettings(ref.modelSettings());
        programme.updatedAt = event.changedAt();
        programmes.persist(programme);
        if (rebucket) {
            programmes.flush();
            rollup.rebuild(programme.id, programme.timeZone); // the daily roll-up's days are the programme's
        }
        if (recredit) {
            programmes.flush();
            weighting.invalidate(); // the kinds some programme weighs may have changed
        }
        return recredit;
    }
}
