package io.tally.connectors.costs.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.tally.events.Channel;

/**
 * The settings of the cost imports (Meta insights, ad-platform CSV exports, and the chunking every cost import
 * shares). The keys keep the prefix they had when the imports lived in the social package,
 * {@code tally.connectors.social}, so existing deployments need no change; the generic cost import's own keys are in
 * {@link GenericCostsConfig}.
 */
@ConfigMapping(prefix = "tally.connectors.social")
public interface CostImportsConfig {

    /** Settings every cost import shares (ad-platform exports, Meta insights, the generic CSV import). */
    Imports imports();

    /** The Meta Marketing API insights import. */
    Meta meta();

    /**
     * The CSV export of each ad platform, keyed by the platform name in {@code /api/v1/imports/ad-costs/{platform}}
     * (which is also the {@code source} of the published costs). A platform not listed here is answered 404.
     */
    Map<String, Platform> platforms();

    /** Settings shared by the cost imports. */
    interface Imports {

        /** Rows read, validated and published together; memory use is bounded by this, not by the file. */
        @WithDefault("500")
        int chunkSize();

        /** The most rejected rows listed in an import's answer; every one still goes to tally.rejects. */
        @WithDefault("1000")
        int maxReportedRejects();

        /** How many leading rows of a CSV file are searched for the header row (exports may start with a preamble). */
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

        /**
         * The channel the platform's spend is on, as a wire name ({@code paid_social}, {@code paid_search},
         * {@code display}, ...); a name that is not a channel stops the service at start, naming this key.
         */
        @WithDefault("paid_social")
        @WithConverter(ChannelConverter.class)
        Channel channel();

        /**
         * How the export's summary rows begin: a row whose first cell starts with one of these (after surrounding
         * whitespace) and that has no campaign id ({@code --}, empty or no such cell) is a total or a footer, not a
         * day: it is skipped, neither published nor rejected. Google Ads: {@code Total}; Microsoft Ads: {@code ©}.
         * Unset (the default): every row is a day.
         */
        Optional<List<String>> summaryRowPrefixes();
    }
}
