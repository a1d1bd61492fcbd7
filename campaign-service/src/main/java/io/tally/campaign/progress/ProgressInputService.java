package io.tally.campaign.progress;

import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tally.campaign.codes.TrackingCodes;
import io.tally.campaign.programmes.Programme;
import io.tally.campaign.programmes.ProgrammeRepository;
import io.tally.campaign.programmes.ProgrammeService;
import io.tally.events.Attribution;
import io.tally.events.Cost;
import io.tally.events.validation.InvalidEventException;
import io.tally.events.validation.Violation;

/**
 * Takes in what goal progress is computed from, once per event: attributed revenue (every model's, rolled up per day
 * in the programme's time zone; credits of no programme are not the business of goals) and reported costs.
 */
@ApplicationScoped
public class ProgressInputService {

    static final String ATTRIBUTIONS = "attributions";
    static final String COSTS = "costs";

    @Inject
    ProgressInputRepository inputs;
    @Inject
    ProgrammeRepository programmes;

    /**
     * Adds an attribution entry's credits to the daily roll-up; false for a redelivered entry.
     *
     * @throws InvalidEventException when a credit names a programme this service does not hold
     */
    @Transactional
    public boolean recordAttribution(Attribution entry) {
        if (!inputs.firstDelivery(ATTRIBUTIONS, entry.eventId(), ProgrammeService.now())) {
            return false;
        }
        Map<UUID, ZoneId> zones = new HashMap<>();
        List<Attribution.Credit> credits = entry.credits();
        for (int i = 0; i < credits.size(); i++) {
            Attribution.Credit credit = credits.get(i);
            if (credit.programmeId() == null || credit.campaignId() == null || credit.channel() == null) {
                continue;
            }
            ZoneId zone = zones.computeIfAbsent(credit.programmeId(), id -> {
                Programme programme = programmes.findById(id);
                return programme == null ? null : ZoneId.of(programme.getTimeZone());
            });
            if (zone == null) {
                throw new InvalidEventException(List.of(new Violation("credits[" + i + "].programmeId",
                        "names no programme of campaign-service: " + credit.programmeId())));
            }
            inputs.addAttributed(credit.programmeId(), credit.campaignId(), credit.channel().wireName(),
                    entry.model(), entry.conversionAt().atZone(zone).toLocalDate(), credit.amount().currency(),
                    credit.amount().amount(), credit.conversions());
        }
        return true;
    }

    /**
     * Stores a reported cost; false for a redelivered one. A campaign's cost finds its campaign through its code when
     * read; a cost without a code belongs to the programme it names. A later figure of the same line replaces it.
     */
    @Transactional
    public boolean recordCost(Cost cost) {
        Instant now = ProgrammeService.now();
        String code = TrackingCodes.normalise(cost.campaignCode());
        return inputs.addCost(new ProgressInputRepository.CostLine(cost.eventId(), cost.line(), code,
                code == null ? cost.programmeId() : null, cost.channel() == null ? null : cost.channel().wireName(),
                cost.date(), cost.spend().currency(), cost.spend().amount(), cost.source()), now);
    }
}
