package io.tally.connectors.costs.domain;

import java.util.List;

import io.tally.connectors.csv.ColumnMapping;
import io.tally.connectors.csv.CsvField;

/**
 * A field of a generic cost line: a CSV column ({@code column.<field>=<header>} maps it) and the JSON field of the
 * same name.
 */
public enum CostField implements CsvField {
    /** The day the money was spent on (required, {@code YYYY-MM-DD}). */
    DATE("date", "date", Role.REQUIRED),
    /** The campaign's tracking code; a line needs it or a programme id. */
    CAMPAIGN_CODE("campaignCode", "campaign_code", Role.OPTIONAL),
    /** The programme of a cost without a campaign code (a UUID). */
    PROGRAMME_ID("programmeId", "programme_id", Role.OPTIONAL),
    /** A channel's wire name; empty for a shared cost of the programme (agency, production, tools). */
    CHANNEL("channel", "channel", Role.OPTIONAL),
    /** The amount (required, non-negative, at most the currency's minor digits). */
    AMOUNT("amount", "amount", Role.REQUIRED),
    /** Its ISO 4217 currency (required). */
    CURRENCY("currency", "currency", Role.REQUIRED),
    /** What the money bought, free text ({@code media}, {@code agency}, {@code production}, {@code tools}). */
    CATEGORY("category", "category", Role.OPTIONAL),
    /** The system that reported the line; {@code generic} when empty. */
    SOURCE("source", "source", Role.OPTIONAL),
    /** The finance system's line id: a line with an id is told apart from every other line by it. */
    ID("id", "id", Role.OPTIONAL);

    private final String wireName;
    private final String defaultHeader;
    private final Role role;

    CostField(String wireName, String defaultHeader, Role role) {
        this.wireName = wireName;
        this.defaultHeader = defaultHeader;
        this.role = role;
    }

    /** The JSON field's name, and the name in {@code column.<field>} query parameters. */
    @Override
    public String wireName() {
        return wireName;
    }

    @Override
    public Role role() {
        return role;
    }

    /** The CSV column read when the request maps no other ({@code campaign_code}). */
    @Override
    public String defaultHeader() {
        return defaultHeader;
    }

    /**
     * How a cost file's columns are mapped: the default headers, overridden per request; a blank header is refused; a
     * mapped header the header row has twice is ambiguous.
     */
    public static ColumnMapping.Rules<CostField> columnRules() {
        return new ColumnMapping.Rules<>(List.of(values()), "cost imports", false, true,
                "is mapped to the column \"%s\", which the header row does not have");
    }
}
