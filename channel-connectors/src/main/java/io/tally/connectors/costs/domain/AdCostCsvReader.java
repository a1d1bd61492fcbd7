package io.tally.connectors.costs.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;

import io.tally.connectors.csv.ColumnMapping;
import io.tally.events.Money;
import io.tally.events.validation.Violations;

/**
 * Reads a data row of an ad platform's CSV export into a {@link DailyCost} through a resolved {@link ColumnMapping};
 * each bad cell is reported under its column header, as the file names it. Tells the export's summary rows (totals,
 * a copyright footer) from its days.
 */
public final class AdCostCsvReader {

    /** How exports fill the campaign id of a total row. */
    private static final String NO_CAMPAIGN = "--";

    private final AdPlatform platform;
    private final ColumnMapping<AdField> mapping;
    private final Map<AdField, Integer> positions;
    private final int width;
    private final List<DateTimeFormatter> dateFormats;

    /**
     * @param positions each mapped field's column index ({@link ColumnMapping#resolve})
     * @param width the number of columns of the header row
     */
    public AdCostCsvReader(AdPlatform platform, ColumnMapping<AdField> mapping, Map<AdField, Integer> positions,
            int width) {
        this.platform = platform;
        this.mapping = mapping;
        this.positions = Map.copyOf(positions);
        this.width = width;
        this.dateFormats = platform.datePatterns().stream()
                .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();
    }

    /**
     * Whether the row is one of the export's summary rows, not a day: its first cell starts with one of the
     * platform's summary-row prefixes ({@code Total: Account}, {@code ©2026 Microsoft Corporation...}) and it has no
     * campaign id (the cell is {@code --} or empty, or the row is too short to have it). A row with a campaign id is
     * always read as a day, so a campaign named "Total reach" is never skipped.
     */
    public boolean isSummary(List<String> row) {
        if (row.isEmpty() || row.get(0) == null) {
            return false;
        }
        String first = row.get(0).strip();
        if (platform.summaryRowPrefixes().stream().noneMatch(p -> !p.isBlank() && first.startsWith(p.strip()))) {
            return false;
        }
        Integer index = positions.get(AdField.CAMPAIGN_ID);
        String campaignId = index == null || index >= row.size() || row.get(index) == null
                ? ""
                : row.get(index).strip();
        return campaignId.isEmpty() || NO_CAMPAIGN.equals(campaignId);
    }

    /** The cost of a data row (its cells in column order), or null when a cell is bad (each is added to {@code violations}). */
    public DailyCost read(List<String> row, Violations violations) {
        if (row.size() != width) {
            violations.add("", "the row has " + row.size() + " cells, the header row " + width);
            return null;
        }
        int before = violations.list().size();
        LocalDate date = date(row, AdField.DATE, violations);
        if (positions.containsKey(AdField.END_DATE)) {
            LocalDate end = date(row, AdField.END_DATE, violations);
            if (date != null && end != null && !date.equals(end)) {
                violations.add(column(AdField.END_DATE), "rows must be daily (export with a daily time breakdown): "
                        + "the row runs from " + date + " to " + end);
            }
        }
        String campaignId = Figures.id(cell(row, AdField.CAMPAIGN_ID), column(AdField.CAMPAIGN_ID), violations);
        String currency = Figures.currency(cell(row, AdField.CURRENCY), column(AdField.CURRENCY), violations);
        Money spend = Figures.amount(cell(row, AdField.SPEND), currency, column(AdField.SPEND), true, violations);
        Long impressions = count(row, AdField.IMPRESSIONS, violations);
        Long clicks = count(row, AdField.CLICKS, violations);
        Long conversions = positions.containsKey(AdField.CONVERSIONS)
                ? Figures.conversions(cell(row, AdField.CONVERSIONS), column(AdField.CONVERSIONS), violations)
                : null;
        Money conversionValue = positions.containsKey(AdField.CONVERSION_VALUE)
                ? Figures.amount(cell(row, AdField.CONVERSION_VALUE), currency, column(AdField.CONVERSION_VALUE), false,
                        violations)
                : null;
        if (violations.list().size() > before) {
            return null;
        }
        return new DailyCost(platform.name(), platform.channel(), campaignId, date, spend, impressions, clicks,
                conversions, conversionValue);
    }

    private LocalDate date(List<String> row, AdField field, Violations violations) {
        return Figures.date(cell(row, field), column(field), dateFormats, platform.datePatterns(), violations);
    }

    private Long count(List<String> row, AdField field, Violations violations) {
        return positions.containsKey(field) ? Figures.count(cell(row, field), column(field), violations) : null;
    }

    private String cell(List<String> row, AdField field) {
        Integer index = positions.get(field);
        return index == null ? null : row.get(index);
    }

    private String column(AdField field) {
        return mapping.header(field);
    }
}
