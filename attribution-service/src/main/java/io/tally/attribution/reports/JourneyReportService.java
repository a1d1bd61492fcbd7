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
        ProgrammeTouchRules rules = resolver.touchRules();
        return JourneyReports.paths(from, to, lookbackDays(rules, programmeId), stats(rules, from, to, currency,
                programmeId), top);
    }

    /** Journeys touched by one channel against several, and each pair of channels' lift. */
    @Transactional
    public JourneyReports.Integration integration(LocalDate from, LocalDate to, String currency, UUID programmeId) {
        ProgrammeTouchRules rules = resolver.touchRules();
        return JourneyReports.integration(from, to, lookbackDays(rules, programmeId), stats(rules, from, to,
                currency, programmeId));
    }

    /** The lookback the report states: the programme's, or the default (touches of other programmes use theirs). */
    private static int lookbackDays(ProgrammeTouchRules rules, UUID programmeId) {
        return (int) rules.lookbackOf(programmeId).toDays();
    }

    /** The journeys' figures (under one reading of the programmes' rules); with a programme, only journeys with at least one touch of its campaigns. */
    private JourneyStats stats(ProgrammeTouchRules rules, LocalDate from, LocalDate to, String currency,
            UUID programmeId) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        // each touch weighs and reaches back as its programme says (the deployment's defaults for touches of none)
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
