package io.tally.connectors.costs.domain;

import java.util.List;

import io.tally.events.Channel;

/**
 * What an ad platform's CSV export is, as configured ({@code tally.connectors.social.platforms.<name>.*}).
 *
 * @param name the platform, published as the costs' {@code source} ({@code linkedin}, {@code google-ads})
 * @param channel the channel its spend is on
 * @param datePatterns the accepted date patterns, tried in order (strict)
 * @param summaryRowPrefixes how the export's total and footer rows begin (see {@link AdCostCsvReader#isSummary})
 */
public record AdPlatform(String name, Channel channel, List<String> datePatterns, List<String> summaryRowPrefixes) {

    public AdPlatform {
        datePatterns = List.copyOf(datePatterns);
        summaryRowPrefixes = List.copyOf(summaryRowPrefixes);
    }
}
