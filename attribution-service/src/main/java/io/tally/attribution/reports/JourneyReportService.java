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
import io.tally.attribution.directory.TouchWeighting;
import io.tally.attribution.journeys.JourneyCollector;
import io.tally.attribution.journeys.JourneyRepository;
import io.tally.attribution.journeys.JourneyStats;

/**
 * Builds the journey reports from the stored touches and conversions: journeys that end on the days from..to (UTC),
 * cut as the live pipeline cuts them (the default lookback; touches after a profile's previous conversion),
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

    /** The top conversion paths and the path-length distribution. */
    @Transactional
    public JourneyReports.Paths paths(LocalDate from, LocalDate to, String currency, UUID programmeId, int top) {
        return JourneyReports.paths(from, to, config.defaultLookbackDays(), stats(from, to, currency, programmeId),
                top);
    }

    /** Journeys touched by one channel against several, and each pair of channels' lift. */
    @Transactional
    public JourneyReports.Integration integration(LocalDate from, LocalDate to, String currency, UUID programmeId) {
        return JourneyReports.integration(from, to, config.defaultLookbackDays(),
                stats(from, to, currency, programmeId));
    }

    /** The journeys' figures; with a programme, only journeys with at least one touch of its campaigns. */
    private JourneyStats stats(LocalDate from, LocalDate to, String currency, UUID programmeId) {
        Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Duration lookback = Duration.ofDays(config.defaultLookbackDays());
        JourneyStats stats = new JourneyStats(currency);
        JourneyCollector collector = new JourneyCollector(lookback, start, programmeId == null
                ? stats
                : journey -> {
                    if (journey.marked()) {
                        stats.accept(journey);
                    }
                });
        try (Stream<JourneyRepository.JourneyEvent> events = journeys.journeyEvents(start.minus(lookback), end,
                weighting.eligibleInteractions(), programmeId != null)) {
            events.forEach(e -> {
                if (e.conversion()) {
                    collector.conversion(e.profileId(), e.at(), e.revenueMinor(), e.currency());
                } else {
                    collector.touch(e.profileId(), e.at(), e.channel(), programmeId != null
                            && programmeId.equals(e.programmeId()));
                }
            });
        }
        collector.finish();
        return stats;
    }
}
