package io.tally.attribution.journeys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;
import io.tally.attribution.config.AttributionConfig;
import io.tally.attribution.directory.ResolvedTouch;
import io.tally.attribution.directory.TouchResolver;
import io.tally.attribution.directory.TouchWeighting;
import io.tally.attribution.intake.ConversionEntity;
import io.tally.attribution.intake.StoredTouch;
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
     * The journeys of a batch of conversions, by conversion event id, read with one query of touches and one of
     * campaigns for the whole batch: each profile's eligible touches and page views from the longest lookback, plus one
     * inactivity window before it (so a session that began just before the lookback is known as such and its
     * continuations inside earn nothing); page views that continue a session are dropped, then each touch is cut by its
     * programme's lookback.
     */
    public Map<String, List<ResolvedTouch>> journeysOf(List<ConversionEntity> conversions) {
        Map<String, List<ResolvedTouch>> journeys = new HashMap<>();
        if (conversions.isEmpty()) {
            return journeys;
        }
        Duration reach = MAX_LOOKBACK.plus(sessionRules.inactivity());
        Instant from = conversions.stream().map(c -> c.occurredAt).min(Instant::compareTo).orElseThrow().minus(reach);
        Instant to = conversions.stream().map(c -> c.occurredAt).max(Instant::compareTo).orElseThrow();
        Set<Long> profiles = conversions.stream().map(c -> c.profileId).collect(Collectors.toSet());
        Map<Long, List<StoredTouch>> byProfile = new HashMap<>();
        Set<String> codes = new HashSet<>();
        for (StoredTouch touch : touchpoints.journeys(profiles, from, to,
                WebSessions.withPageViews(weighting.eligibleInteractions()))) { // a programme's weights may change
            byProfile.computeIfAbsent(touch.profileId(), p -> new ArrayList<>()).add(touch);
            if (touch.campaignCode() != null) {
                codes.add(touch.campaignCode());
            }
        }
        conversions.stream().map(c -> c.couponCode).filter(Objects::nonNull).forEach(codes::add);
        TouchResolver.Batch resolver = this.resolver.forCodes(codes);
        for (ConversionEntity conversion : conversions) {
            journeys.put(conversion.eventId, journey(conversion,
                    byProfile.getOrDefault(conversion.profileId, List.of()), resolver));
        }
        return journeys;
    }

    private List<ResolvedTouch> journey(ConversionEntity conversion, List<StoredTouch> profileTouches,
            TouchResolver.Batch resolver) {
        Instant earliest = conversion.occurredAt.minus(MAX_LOOKBACK);
        Instant first = earliest.minus(sessionRules.inactivity());
        WebSessions sessions = new WebSessions(sessionRules);
        List<ResolvedTouch> journey = new ArrayList<>();
        for (StoredTouch touch : profileTouches) {
            if (touch.occurredAt().isBefore(first) || touch.occurredAt().isAfter(conversion.occurredAt)) {
                continue; // another conversion's window
            }
            if (!sessions.isTouch(new WebSessions.Hit(touch.occurredAt(), touch.interactionType(), touch.channel(),
                    touch.source(), touch.medium(), touch.campaignCode(), touch.url()))
                    || touch.occurredAt().isBefore(earliest)) {
                continue;
            }
            ResolvedTouch resolved = resolver.resolve(touch);
            if (resolved.eligible() && !touch.occurredAt()
                    .isBefore(conversion.occurredAt.minus(Duration.ofDays(resolved.lookbackDays())))) {
                journey.add(resolved);
            }
        }
        // redeemed at the purchase, so after every touch (the touches read end at the purchase's instant)
        resolver.coupon(conversion).filter(ResolvedTouch::eligible).ifPresent(journey::add);
        return journey;
    }
}
