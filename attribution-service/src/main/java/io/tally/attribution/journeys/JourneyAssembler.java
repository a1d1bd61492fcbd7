package io.tally.attribution.journeys;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.attribution.directory.ResolvedTouch;
import io.tally.attribution.directory.TouchResolver;
import io.tally.attribution.directory.TouchWeighting;
import io.tally.attribution.intake.ConversionEntity;
import io.tally.attribution.intake.TouchpointEntity;
import io.tally.attribution.intake.TouchpointRepository;

/**
 * The journey a conversion is credited over: its profile's eligible touches (of a kind with a positive weight) within
 * the lookback of the programme each touch's code resolves to, in time order; last, at the purchase, the coupon it
 * redeemed (a touch of the campaign that issued it), when coupon redemptions have a positive weight.
 */
@ApplicationScoped
public class JourneyAssembler {

    /** The longest lookback a programme may set; journeys are read this far back and then cut per programme. */
    public static final Duration MAX_LOOKBACK = Duration.ofDays(90);

    @Inject
    TouchpointRepository touchpoints;
    @Inject
    TouchResolver resolver;
    @Inject
    TouchWeighting weighting;

    public List<ResolvedTouch> journeyOf(ConversionEntity conversion) {
        List<TouchpointEntity> candidates = touchpoints.journey(conversion.profileId,
                conversion.occurredAt.minus(MAX_LOOKBACK), conversion.occurredAt, weighting.eligibleInteractions());
        List<ResolvedTouch> journey = new ArrayList<>();
        for (TouchpointEntity touch : candidates) {
            ResolvedTouch resolved = resolver.resolve(touch);
            if (resolved.eligible() && !touch.occurredAt
                    .isBefore(conversion.occurredAt.minus(Duration.ofDays(resolved.lookbackDays())))) {
                journey.add(resolved);
            }
        }
        // redeemed at the purchase, so after every touch (the query reads touches up to the purchase's instant)
        resolver.coupon(conversion).filter(ResolvedTouch::eligible).ifPresent(journey::add);
        return journey;
    }
}
