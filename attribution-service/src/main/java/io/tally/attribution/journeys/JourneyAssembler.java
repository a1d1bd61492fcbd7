package io.tally.attribution.journeys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;
import io.tally.attribution.config.AttributionConfig;
import io.tally.attribution.directory.ResolvedTouch;
import io.tally.attribution.directory.TouchResolver;
import io.tally.attribution.directory.TouchWeighting;
import io.tally.attribution.intake.ConversionEntity;
import io.tally.attribution.intake.TouchpointEntity;
import io.tally.attribution.intake.TouchpointRepository;

/**
 * The journey a conversion is credited over: its profile's eligible touches (of a kind with a positive weight) within
 * the lookback of the programme each touch's code resolves to, in time order, with web page views grouped into
 * sessions ({@link WebSessions}: one session, one visit touch at its entry); last, at the purchase, the coupon it
 * redeemed (a touch of the campaign that issued it), when coupon redemptions have a positive weight.
 */
@ApplicationScoped
@Startup // reads and checks the session rules at startup
public class JourneyAssembler {

    /** The longest lookback a programme may set; journeys are read this far back and then cut per programme. */
    public static final Duration MAX_LOOKBACK = Duration.ofDays(90);

    @Inject
    TouchpointRepository touchpoints;
    @Inject
    TouchResolver resolver;
    @Inject
    TouchWeighting weighting;
    @Inject
    AttributionConfig config;

    private WebSessions.Rules sessionRules;

    @PostConstruct
    void readRules() {
        sessionRules = sessionRules(config);
    }

    /** The session rules of {@code tally.attribution.sessions.*}, checked. */
    static WebSessions.Rules sessionRules(AttributionConfig config) {
        AttributionConfig.Sessions sessions = config.sessions();
        return new WebSessions.Rules(sessions.inactivity(), sessions.newOnCampaign(), sessions.newOnReferrer());
    }

    /**
     * One query reads the profile's eligible touches and page views from the longest lookback, plus one inactivity
     * window before it (so a session that began just before the lookback is known as such and its continuations inside
     * earn nothing); page views that continue a session are dropped, then each touch is cut by its programme's lookback.
     */
    public List<ResolvedTouch> journeyOf(ConversionEntity conversion) {
        Instant earliest = conversion.occurredAt.minus(MAX_LOOKBACK);
        List<TouchpointEntity> candidates = touchpoints.journey(conversion.profileId,
                earliest.minus(sessionRules.inactivity()), conversion.occurredAt,
                WebSessions.withPageViews(weighting.eligibleInteractions())); // a programme's weights may change
        WebSessions sessions = new WebSessions(sessionRules);
        List<ResolvedTouch> journey = new ArrayList<>();
        for (TouchpointEntity touch : candidates) {
            if (!sessions.isTouch(new WebSessions.Hit(touch.occurredAt, touch.interactionType, touch.channel,
                    touch.source, touch.medium, touch.campaignCode, touch.url))
                    || touch.occurredAt.isBefore(earliest)) {
                continue;
            }
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
