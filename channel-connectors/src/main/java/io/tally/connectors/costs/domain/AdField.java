package io.tally.connectors.costs.domain;

import java.util.List;

import io.tally.connectors.csv.ColumnMapping;
import io.tally.connectors.csv.CsvField;

/** A field of an ad-platform cost export that a CSV column can be mapped to. */
public enum AdField implements CsvField {
    /** The day (required). */
    DATE("date", true),
    /** The last day of the row's period; when mapped, it must equal {@link #DATE} (daily rows). */
    END_DATE("endDate", false),
    /** The platform's campaign id, published as the campaign code (required). */
    CAMPAIGN_ID("campaignId", true),
    /** The campaign's name; checked to be present when mapped, not published (campaign-service owns names). */
    CAMPAIGN_NAME("campaignName", false),
    /** The day's spend (required). */
    SPEND("spend", true),
    /** The ISO 4217 currency of spend and conversion value (required). */
    CURRENCY("currency", true), IMPRESSIONS("impressions", false), CLICKS("clicks", false),
    /** Conversions the platform claims: published as platform purchases, never as conversions. */
    CONVERSIONS("conversions", false),
    /** The value of those conversions: published as platform purchase value, never as revenue. */
    CONVERSION_VALUE("conversionValue", false);

    private final String wireName;
    private final boolean required;

    AdField(String wireName, boolean required) {
        this.wireName = wireName;
        this.required = required;
    }

    /** The name in config keys and in {@code column.<field>} query parameters. */
    @Override
    public String wireName() {
        return wireName;
    }

    /** Required: every import must map it to a column. */
    @Override
    public CsvField.Role role() {
        return required ? CsvField.Role.REQUIRED : CsvField.Role.OPTIONAL;
    }

    /**
     * How a cost export's columns are mapped: the platform's configured headers, overridden per request; a blank header
     * unmaps an optional field; every mapped header must be in the file's header row (the first, should it appear
     * twice).
     */
    public static ColumnMapping.Rules<AdField> columnRules() {
        return new ColumnMapping.Rules<>(List.of(values()), null, true, false,
                "the column \"%s\" is not in the file's header row");
    }
}
