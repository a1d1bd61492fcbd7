package io.tally.connectors.social.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of the social sources (ad-platform cost imports and organic engagement), under {@code tally.connectors.social}. */
@ConfigMapping(prefix = "tally.connectors.social")
public interface SocialConfig {

    /** Cost imports (Meta insights, ad-platform CSV exports). */
    Imports imports();

    /** The Meta Marketing API insights import. */
    Meta meta();

    /**
     * The CSV export of each ad platform, keyed by the platform name in {@code /api/v1/imports/ad-costs/{platform}}
     * (which is also the {@code source} of the published costs). A platform not listed here is answered 404.
     */
    Map<String, Platform> platforms();

    /** Organic engagement ({@code POST /api/v1/social/engagements}). */
    Engagements engagements();

    /** Settings shared by the cost imports. */
    interface Imports {

        /** Rows read, validated and published together; memory use is bounded by this, not by the file. */
        @WithDefault("500")
        int chunkSize();

        /** The most rejected rows listed in an import's answer; every one still goes to tally.rejects. */
        @WithDefault("1000")
        int maxReportedRejects();

        /** How many leading rows of a CSV export are searched for the header row (exports may start with a preamble). */
        @WithDefault("20")
        int maxHeaderSearchRows();
    }

    /** Settings of the Meta insights import. */
    interface Meta {

        /**
         * The purchase action types, in order of preference: the first one a row reports gives its platform purchases
         * and their value; the others are ignored, so a purchase is never counted twice.
         */
        @WithDefault("omni_purchase,purchase,offsite_conversion.fb_pixel_purchase")
        List<String> purchaseActionTypes();
    }

    /** One ad platform's CSV export. */
    interface Platform {

        /**
         * The header of each field's column ({@code date}, {@code endDate}, {@code campaignId}, {@code campaignName},
         * {@code spend}, {@code currency}, {@code impressions}, {@code clicks}, {@code conversions},
         * {@code conversionValue}); a request can override each with {@code column.<field>=<header>}.
         */
        Map<String, String> columns();

        /** The accepted date patterns ({@link java.time.format.DateTimeFormatter}, strict), tried in order. */
        @WithDefault("uuuu-MM-dd,M/d/uuuu")
        List<String> dateFormats();
    }

    /** Settings of the engagement endpoint. */
    interface Engagements {

        /** The most engagements one request may carry; a larger array is answered 413. */
        @WithDefault("500")
        int maxBatchSize();

        /** How far in the future {@code occurredAt} may lie (client clock skew) before it is rejected. */
        @WithDefault("10M")
        Duration maxClockSkew();
    }
}
