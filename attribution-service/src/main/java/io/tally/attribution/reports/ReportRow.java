package io.tally.attribution.reports;

/**
 * One group of the attribution report.
 *
 * @param id the programme or campaign id, or the channel name; null for the unassigned and unattributed groups
 * @param kind {@code assigned}, {@code unassigned} (touches whose code resolves to no campaign) or {@code unattributed}
 *        (conversions without an eligible touch)
 */
public record ReportRow(String id, String name, String kind, String currency, long revenueMinor,
        long conversionUnits) {
}
