package io.tally.attribution.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.attribution.journeys.JourneyStats;
import io.tally.attribution.rest.CsvTable;
import io.tally.events.Money;

/** The journey reports: conversion paths, and integrated (multi-channel) against isolated journeys. */
public final class JourneyReports {

    private JourneyReports() {
    }

    /** Top conversion paths, with the path-length distribution. */
    @Schema(name = "PathsReport")
    public record Paths(
            @Schema(examples = "2026-11-01") LocalDate from,
            @Schema(examples = "2026-11-30") LocalDate to,
            @Schema(description = "Revenue counts conversions in this currency", examples = "EUR") String currency,
            @Schema(description = "Touches this long before a conversion belong to its journey", examples = "30") int lookbackDays,
            @Schema(description = "How many different paths the journeys took", examples = "214") int distinctPaths,
            List<Path> paths,
            List<Length> lengths,
            @Schema(description = "Conversions in other currencies: counted as conversions, not in revenue", examples = "0") long otherCurrencyConversions)
            implements
                CsvTable {

        @Override
        public List<String> csvHeader() {
            return List.of("path", "touches", "journeys", "conversions", "conversion_rate_percent", "revenue",
                    "average_hours_to_convert");
        }

        @Override
        public List<List<String>> csvRows() {
            List<List<String>> rows = new ArrayList<>();
            for (Path p : paths) {
                rows.add(Arrays.asList(p.path(), String.valueOf(p.touches()), String.valueOf(p.journeys()),
                        String.valueOf(p.conversions()), CsvTable.decimal(p.conversionRate()),
                        CsvTable.decimal(p.revenue()),
                        CsvTable.decimal(p.averageHoursToConvert())));
            }
            return rows;
        }

        @Override
        public String csvFilename() {
            return "conversion-paths_" + from + "_" + to + "_" + currency + ".csv";
        }
    }

    /** One path: its channels in touch order ("(no touch)" for conversions without any). */
    @Schema(name = "PathRow")
    public record Path(
            @Schema(examples = "paid_social > email") String path,
            @Schema(examples = "2") int touches,
            @Schema(description = "Journeys that took it, converting or not", examples = "40") long journeys,
            @Schema(examples = "12") long conversions,
            @Schema(description = "conversions / journeys, percent", examples = "30.00") BigDecimal conversionRate,
            @Schema(examples = "1450.00") BigDecimal revenue,
            @Schema(description = "Mean hours from first touch to conversion", examples = "26.5") BigDecimal averageHoursToConvert) {
    }

    /** Journeys of one length. */
    @Schema(name = "PathLength")
    public record Length(
            @Schema(examples = "2") int touches,
            @Schema(examples = "120") long journeys,
            @Schema(examples = "30") long conversions,
            @Schema(examples = "25.00") BigDecimal conversionRate) {
    }

    /** Journeys with no, one or several channels, and what pairs of channels do together. */
    @Schema(name = "IntegrationReport")
    public record Integration(
            @Schema(examples = "2026-11-01") LocalDate from,
            @Schema(examples = "2026-11-30") LocalDate to,
            @Schema(examples = "EUR") String currency,
            @Schema(examples = "30") int lookbackDays,
            List<Group> groups,
            @Schema(description = "Percent of the revenue of converting journeys that came from journeys touched by"
                    + " several channels", examples = "61.20") BigDecimal multiChannelRevenueShare,
            List<Pair> pairs,
            @Schema(examples = "0") long otherCurrencyConversions) implements CsvTable {

        @Override
        public List<String> csvHeader() {
            return List.of("section", "group", "with", "journeys", "conversions", "conversion_rate_percent",
                    "revenue", "average_order_value", "revenue_per_journey", "lift");
        }

        @Override
        public List<List<String>> csvRows() {
            List<List<String>> rows = new ArrayList<>();
            for (Group g : groups) {
                rows.add(Arrays.asList("group", g.group(), null, String.valueOf(g.journeys()),
                        String.valueOf(g.conversions()), CsvTable.decimal(g.conversionRate()),
                        CsvTable.decimal(g.revenue()),
                        CsvTable.decimal(g.averageOrderValue()), CsvTable.decimal(g.revenuePerJourney()), null));
            }
            for (Pair p : pairs) {
                rows.add(Arrays.asList("pair", p.channel(), p.with(), String.valueOf(p.journeysWithBoth()), null,
                        CsvTable.decimal(p.conversionRateWithBoth()), null, null, null, CsvTable.decimal(p.lift())));
            }
            return rows;
        }

        @Override
        public String csvFilename() {
            return "integrated-vs-isolated_" + from + "_" + to + "_" + currency + ".csv";
        }
    }

    /** One group of journeys by the number of channels that touched them. */
    @Schema(name = "JourneyGroup")
    public record Group(
            @Schema(enumeration = {
                    "no_touch", "single_channel", "multi_channel"}) String group,
            @Schema(examples = "300") long journeys,
            @Schema(examples = "45") long conversions,
            @Schema(examples = "15.00") BigDecimal conversionRate,
            @Schema(examples = "5400.00") BigDecimal revenue,
            @Schema(description = "revenue / conversions", examples = "120.00") BigDecimal averageOrderValue,
            @Schema(description = "revenue / journeys", examples = "18.00") BigDecimal revenuePerJourney){
    }

    /** A channel together with another: conversion rate with both against with the channel alone. */
    @Schema(name = "ChannelPair")
    public record Pair(
            @Schema(examples = "paid_social") String channel,
            @Schema(examples = "email") String with,
            @Schema(examples = "80") long journeysWithBoth,
            @Schema(examples = "25.00") BigDecimal conversionRateWithBoth,
            @Schema(description = "Journeys with the channel but not the other", examples = "200") long journeysWithoutOther,
            @Schema(examples = "10.00") BigDecimal conversionRateWithoutOther,
            @Schema(description = "rate with both / rate without the other; absent when that is 0", examples = "2.5000") BigDecimal lift) {
    }

    static Paths paths(LocalDate from, LocalDate to, int lookbackDays, JourneyStats stats, int top) {
        List<Path> paths = stats.topPaths(top).stream().map(p -> new Path(
                p.path().isEmpty() ? "(no touch)" : String.join(" > ", p.path()), p.path().size(),
                p.tally().journeys(), p.tally().conversions(), rate(p.tally()), money(p.tally(), stats.currency()),
                hours(p.tally().meanTimeToConvert()))).toList();
        List<Length> lengths = stats.byLength().entrySet().stream().map(e -> new Length(e.getKey(),
                e.getValue().journeys(), e.getValue().conversions(), rate(e.getValue()))).toList();
        return new Paths(from, to, stats.currency(), lookbackDays, stats.distinctPaths(), paths, lengths,
                stats.otherCurrencyConversions());
    }

    static Integration integration(LocalDate from, LocalDate to, int lookbackDays, JourneyStats stats) {
        String currency = stats.currency();
        List<Group> groups = List.of(group("no_touch", stats.withoutTouches(), currency),
                group("single_channel", stats.singleChannel(), currency),
                group("multi_channel", stats.multiChannel(), currency));
        long all = stats.withoutTouches().revenueMinor() + stats.singleChannel().revenueMinor()
                + stats.multiChannel().revenueMinor();
        BigDecimal share = all == 0
                ? null
                : BigDecimal.valueOf(stats.multiChannel().revenueMinor() * 100L).divide(BigDecimal.valueOf(all), 2,
                        RoundingMode.HALF_EVEN);
        List<Pair> pairs = stats.pairs().stream().map(p -> {
            BigDecimal both = rate(p.both());
            BigDecimal without = rate(p.withoutOther());
            return new Pair(p.channel(), p.other(), p.both().journeys(), both, p.withoutOther().journeys(), without,
                    without == null || without.signum() == 0 || both == null
                            ? null
                            : both.divide(without, 4, RoundingMode.HALF_EVEN));
        }).toList();
        return new Integration(from, to, currency, lookbackDays, groups, share, pairs,
                stats.otherCurrencyConversions());
    }

    private static Group group(String name, JourneyStats.Tally t, String currency) {
        BigDecimal revenue = money(t, currency);
        return new Group(name, t.journeys(), t.conversions(), rate(t), revenue,
                t.conversions() == 0
                        ? null
                        : revenue.divide(BigDecimal.valueOf(t.conversions()), revenue.scale(),
                                RoundingMode.HALF_EVEN),
                t.journeys() == 0
                        ? null
                        : revenue.divide(BigDecimal.valueOf(t.journeys()), revenue.scale(),
                                RoundingMode.HALF_EVEN));
    }

    private static BigDecimal rate(JourneyStats.Tally t) {
        return t.journeys() == 0
                ? null
                : BigDecimal.valueOf(t.conversions() * 100L).divide(BigDecimal.valueOf(t.journeys()), 2,
                        RoundingMode.HALF_EVEN);
    }

    private static BigDecimal money(JourneyStats.Tally t, String currency) {
        return Money.ofMinor(t.revenueMinor(), currency).amount();
    }

    private static BigDecimal hours(Duration d) {
        return d == null
                ? null
                : BigDecimal.valueOf(d.toSeconds()).divide(BigDecimal.valueOf(3600), 1, RoundingMode.HALF_EVEN);
    }

}
