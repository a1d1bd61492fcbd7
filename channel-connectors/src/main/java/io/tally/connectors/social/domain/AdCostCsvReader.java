package io.tally.connectors.social.domain;

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
 * each bad cell is reported under its column header, as the file names it.
 */
public final class AdCostCsvReader {

    private final String platform;
    private final ColumnMapping<AdField> mapping;
    private final Map<AdField, Integer> positions;
    private final int width;
    private final List<String> datePatterns;
    private final List<DateTimeFormatter> dateFormats;

    /**
     * @param positions each mapped field's column index ({@link ColumnMapping#resolve})
     * @param width the number of columns of the header row
     * @param datePatterns the accepted date patterns, tried in order (strict)
     */
    public AdCostCsvReader(String platform, ColumnMapping<AdField> mapping, Map<AdField, Integer> positions, int width,
            List<String> datePatterns) {
        this.platform = platform;
        this.mapping = mapping;
        this.positions = Map.copyOf(positions);
        this.width = width;
        this.datePatterns = List.copyOf(datePatterns);
        this.dateFormats = datePatterns.stream()
                .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();
    }

    /** The cost of a data row (its cells in column order), or null when a cell is bad (each is added to {@code violations}). */
    public DailyCost read(List<String> row, Violations violations) {
        if (row.size() != width) {
            violations.add("", "the row has " + row.size() + " cells, the header row " + width);
            return null;
        }
        int before = violations.list().size();
        LocalDate date = Figures.date(cell(row, AdField.DATE), column(AdField.DATE), dateFormats, datePatterns,
                violations);
        if (positions.containsKey(AdField.END_DATE)) {
            LocalDate end = Figures.date(cell(row, AdField.END_DATE), column(AdField.END_DATE), dateFormats,
                    datePatterns, violations);
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
        Long conversions = count(row, AdField.CONVERSIONS, violations);
        Money conversionValue = positions.containsKey(AdField.CONVERSION_VALUE)
                ? Figures.amount(cell(row, AdField.CONVERSION_VALUE), currency, column(AdField.CONVERSION_VALUE), false,
                        violations)
                : null;
        if (violations.list().size() > before) {
            return null;
        }
        return new DailyCost(platform, campaignId, date, spend, impressions, clicks, conversions, conversionValue);
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
