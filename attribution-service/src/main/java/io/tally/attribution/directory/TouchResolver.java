package io.tally.attribution.directory;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.attribution.config.AttributionConfig;
import io.tally.attribution.intake.ConversionEntity;
import io.tally.attribution.intake.StoredTouch;
import io.tally.events.Channel;
import io.tally.events.ModelSettings;
import io.tally.events.TouchKind;

/**
 * Resolves tracking and coupon codes to campaign and programme, and so to the programme's lookback window and the weight
 * its settings give the touch's kind.
 */
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

    /**
     * A resolver for a batch of journeys: the campaigns of {@code codes} (tracking codes of the touches, coupon codes of
     * the conversions) are read once, in one query.
     */
    public Batch forCodes(Collection<String> codes) {
        return new Batch(campaigns.directoryOf(codes));
    }

    /** Resolves the touches and coupons of a batch of journeys against the campaigns read for it. */
    public final class Batch {

        private final CodeDirectory directory;

        private Batch(CodeDirectory directory) {
            this.directory = directory;
        }

        /** The touch with the campaign and programme its code resolves to, its lookback and weight. */
        public ResolvedTouch resolve(StoredTouch touch) {
            TouchKind kind = TouchKind.fromWireName(touch.interactionType())
                    .orElseThrow(() -> new IllegalStateException("stored touchpoint " + touch.eventId()
                            + " has no known interaction type: " + touch.interactionType()));
            Optional<CampaignEntity> campaign = directory.find(touch.campaignCode(), touch.occurredAt());
            if (campaign.isEmpty()) {
                return new ResolvedTouch(touch.eventId(), touch.occurredAt(), touch.channel(), kind,
                        weighting.weightOf(kind), null, null, config.defaultLookbackDays());
            }
            ProgrammeEntity programme = programmes.findById(campaign.get().programmeId);
            return new ResolvedTouch(touch.eventId(), touch.occurredAt(), touch.channel(), kind,
                    weightOf(programme, kind), campaign.get().id, campaign.get().programmeId, lookbackOf(programme));
        }

        /**
         * The redemption of the conversion's coupon as a touch of the campaign that issued it
         * ({@code coupon_redemption}, weighted like any other kind), at the moment of the purchase and on that
         * campaign's channel; empty when there is no coupon or its code resolves to no campaign.
         */
        public Optional<ResolvedTouch> coupon(ConversionEntity conversion) {
            return directory.find(conversion.couponCode, conversion.occurredAt).map(campaign -> {
                ProgrammeEntity programme = programmes.findById(campaign.programmeId);
                return new ResolvedTouch(COUPON_PREFIX + conversion.eventId, conversion.occurredAt,
                        campaign.channel == null ? Channel.OTHER.wireName() : campaign.channel,
                        TouchKind.COUPON_REDEMPTION, weightOf(programme, TouchKind.COUPON_REDEMPTION), campaign.id,
                        campaign.programmeId, lookbackOf(programme));
            });
        }
    }

    /** Every programme's lookback and touch weights, for journeys read in bulk. */
    public ProgrammeTouchRules touchRules() {
        Map<UUID, ProgrammeTouchRules.Programme> known = new HashMap<>();
        for (ProgrammeEntity programme : programmes.listAll()) {
            known.put(programme.id, new ProgrammeTouchRules.Programme(Duration.ofDays(programme.lookbackDays),
                    programme.modelSettings()));
        }
        return new ProgrammeTouchRules(known, weighting, Duration.ofDays(config.defaultLookbackDays()));
    }

    /** The programme's settings, or none for a programme not known (yet). */
    public ModelSettings settingsOf(UUID programmeId) {
        ProgrammeEntity programme = programmeId == null ? null : programmes.findById(programmeId);
        return programme == null ? ModelSettings.NONE : programme.modelSettings();
    }

    private BigDecimal weightOf(ProgrammeEntity programme, TouchKind kind) {
        return programme == null ? weighting.weightOf(kind) : weighting.weightOf(programme.modelSettings(), kind);
    }

    private int lookbackOf(ProgrammeEntity programme) {
        return programme == null ? config.defaultLookbackDays() : programme.lookbackDays;
    }
}
