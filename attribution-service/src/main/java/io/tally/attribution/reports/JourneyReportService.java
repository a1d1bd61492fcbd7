package io.tally.attribution.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tally.attribution.config.AttributionConfig;
import io.tally.attribution.directory.ProgrammeTouchRules;
import io.tally.attribution.directory.TouchResolver;
import io.tally.attribution.directory.TouchWeighting;
import io.tally.attribution.journeys.JourneyCollector;
import io.tally.attribution.journeys.JourneyRepository;
import io.tally.attribution.journeys.JourneyStats;

/**
 * Builds the journey reports from the stored touches and conversions: journeys that end on the days from..to (UTC),
 * cut as the live pipeline cuts them (each touch within its programme's lookback and of a kind its programme weighs;
 * touches after a profile's previous conversion),
 * converting and not, read in one streamed pass.
 */
@ApplicationScoped
public class JourneyReportService {

    @Inject
    JourneyRepository journeys;
    @Inject
    AttributionConfig config;
    @Inject
    TouchWeighting weighting;
    @Inject
    TouchResolver resolver;

    /** The top conversion paths and the path-length distribution. */
    @Transactional
    public JourneyReports.Paths paths(LocalDate from, LocalDate to, String currency, UUID programmeId, int top) {
        return JourneyReports.paths(from, to, lookbackDays(programmeId), stats(from, to, currency, programmeId), top);
    }

    /** Journeys touched by one channel against several, and each pair of channels' lift. */
    @Transactional
    public JourneyReports.Integration integration(LocalDate from, LocalDate to, String currency, UUID programmeId) {
        return JourneyReports.integration(from, to, lookbackDays(programmeId), stats(from, to, currency,
                programmeId));
    }

    /** The lookback the report states: the programme's, or the default (touches of other programmes use theirs). */
    private int lookbackDays(UUID programmeId) {
        return (int) resolver.touchRules().lookbackOf(programmeId).toDays();
    }

    /** The journeys' figures; with a programme, only journeys with at least one touch of its campaigns. */
    private JourneyStats stats(LocalDate from, LocalDate to, String currency, UUID programmeId) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        // each touch weighs and reaches back as its programme says (the deployment's defaults for touches of none)
        ProgrammeTouchRules rules = resolver.touchRules();
        JourneyStats stats = new JourneyStats(currency);
        JourneyCollector collector = new JourneyCollector(Duration.ofDays(config.defaultLookbackDays()), start,
                programmeId == null
                        ? stats
                        : journey -> {
                            if (journey.marked()) {
                                stats.accept(journey);
                            }
                        });
        try (Stream<JourneyRepository.JourneyEvent> events = journeys.journeyEvents(start.minus(rules
                .longestLookback()), end, weighting.eligibleInteractions(), true)) {
            events.forEach(e -> {
                if (e.conversion()) {
                    collector.conversion(e.profileId(), e.at(), e.revenueMinor(), e.currency());
                } else if (rules.eligible(e.programmeId(), e.interaction())) {
                    collector.touch(e.profileId(), e.at(), e.channel(), programmeId != null
                            && programmeId.equals(e.programmeId()), rules.lookbackOf(e.programmeId()));
                }
            });
        }
        collector.finish();
        return stats;
    }
}
