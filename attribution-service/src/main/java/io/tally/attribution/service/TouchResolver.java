package io.tally.attribution.service;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.attribution.config.AttributionConfig;
import io.tally.attribution.repository.CampaignEntity;
import io.tally.attribution.repository.CampaignRepository;
import io.tally.attribution.repository.ProgrammeEntity;
import io.tally.attribution.repository.ProgrammeRepository;
import io.tally.attribution.repository.TouchpointEntity;

/** Resolves a touch's tracking code to campaign and programme, and so to the programme's lookback window. */
@ApplicationScoped
class TouchResolver {

    @Inject
    CampaignRepository campaigns;
    @Inject
    ProgrammeRepository programmes;
    @Inject
    AttributionConfig config;

    ResolvedTouch resolve(TouchpointEntity touch) {
        Optional<CampaignEntity> campaign = campaigns.findByCode(touch.campaignCode);
        if (campaign.isEmpty()) {
            return new ResolvedTouch(touch, null, null, config.defaultLookbackDays());
        }
        ProgrammeEntity programme = programmes.findById(campaign.get().programmeId);
        int lookback = programme == null ? config.defaultLookbackDays() : programme.lookbackDays;
        return new ResolvedTouch(touch, campaign.get().id, campaign.get().programmeId, lookback);
    }
}
