package io.tally.attribution.directory;

import java.math.BigDecimal;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.attribution.config.AttributionConfig;
import io.tally.attribution.intake.ConversionEntity;
import io.tally.attribution.intake.TouchpointEntity;
import io.tally.events.Channel;
import io.tally.events.TouchKind;

/** Resolves tracking and coupon codes to campaign and programme, and so to the programme's lookback window. */
@ApplicationScoped
public class TouchResolver {

    /** The event id prefix of a coupon redemption's touch: {@code coupon:<conversion event id>}. */
    static final String COUPON_PREFIX = "coupon:";

    @Inject
    CampaignRepository campaigns;
    @Inject
    ProgrammeRepository programmes;
    @Inject
    AttributionConfig config;
    @Inject
    TouchWeighting weighting;

    public ResolvedTouch resolve(TouchpointEntity touch) {
        TouchKind kind = TouchKind.fromWireName(touch.interactionType).orElseThrow(() -> new IllegalStateException(
                "stored touchpoint " + touch.eventId + " has no known interaction type: " + touch.interactionType));
        BigDecimal weight = weighting.weightOf(kind);
        Optional<CampaignEntity> campaign = campaigns.findByCode(touch.campaignCode, touch.occurredAt);
        if (campaign.isEmpty()) {
            return new ResolvedTouch(touch.eventId, touch.occurredAt, touch.channel, kind, weight, null, null,
                    config.defaultLookbackDays());
        }
        return new ResolvedTouch(touch.eventId, touch.occurredAt, touch.channel, kind, weight, campaign.get().id,
                campaign.get().programmeId, lookbackOf(campaign.get()));
    }

    /**
     * The redemption of the conversion's coupon as a touch of the campaign that issued it ({@code coupon_redemption},
     * weighted like any other kind), at the moment of the purchase and on that campaign's channel; empty when there is
     * no coupon or its code resolves to no campaign.
     */
    public Optional<ResolvedTouch> coupon(ConversionEntity conversion) {
        return campaigns.findByCode(conversion.couponCode, conversion.occurredAt).map(campaign -> new ResolvedTouch(
                COUPON_PREFIX + conversion.eventId, conversion.occurredAt,
                campaign.channel == null ? Channel.OTHER.wireName() : campaign.channel, TouchKind.COUPON_REDEMPTION,
                weighting.weightOf(TouchKind.COUPON_REDEMPTION), campaign.id, campaign.programmeId,
                lookbackOf(campaign)));
    }

    private int lookbackOf(CampaignEntity campaign) {
        ProgrammeEntity programme = programmes.findById(campaign.programmeId);
        return programme == null ? config.defaultLookbackDays() : programme.lookbackDays;
    }
}
