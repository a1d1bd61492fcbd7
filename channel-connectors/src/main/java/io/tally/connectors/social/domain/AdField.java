package io.tally.connectors.social.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** A field of an ad-platform cost export that a CSV column can be mapped to. */
public enum AdField {
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
    public String wireName() {
        return wireName;
    }

    /** Whether every import must map it to a column. */
    public boolean required() {
        return required;
    }

    public static Optional<AdField> fromWireName(String name) {
        return Arrays.stream(values()).filter(f -> f.wireName.equals(name)).findFirst();
    }

    /** The wire names, comma-separated, for error messages. */
    public static String allowed() {
        return Arrays.stream(values()).map(AdField::wireName).collect(Collectors.joining(", "));
    }
}
