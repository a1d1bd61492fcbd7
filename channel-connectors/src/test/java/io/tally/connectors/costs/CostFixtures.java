package io.tally.connectors.costs;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Cost payloads in their sources' own formats: a Graph API insights response, a LinkedIn Campaign Manager export (with
 * its report preamble), a TikTok Ads Manager export, a Google Ads campaign report (title, date range, totals), a
 * Microsoft Advertising campaign performance report (header lines, copyright footer), and generic cost lines as CSV and
 * JSON. Campaign ids are unique per call, because all test classes share one broker.
 */
public final class CostFixtures {

    private CostFixtures() {
    }

    /** A fresh numeric campaign id with the platform's length (Meta 17 digits, LinkedIn 9, TikTok 16). */
    public static String campaignId(int digits) {
        StringBuilder id = new StringBuilder().append(ThreadLocalRandom.current().nextInt(1, 10));
        while (id.length() < digits) {
            id.append(ThreadLocalRandom.current().nextInt(10));
        }
        return id.toString();
    }

    /** An insights response ({@code level=campaign&time_increment=1}) holding {@code rows}. */
    public static String metaInsights(String... rows) {
        return """
                {
                  "data": [
                %s
                  ],
                  "paging": {
                    "cursors": {
                      "before": "MAZDZD",
                      "after": "MQZDZD"
                    }
                  }
                }""".formatted(String.join(",\n", rows));
    }

    /** A daily insights row reporting pixel purchases only. */
    public static String metaRow(String campaignId, String date, String spend, String impressions, String clicks,
            String purchases, String purchaseValue) {
        return metaRow(campaignId, date, date, spend, "EUR", impressions, clicks, """
                [
                        {"action_type": "link_click", "value": "%s"},
                        {"action_type": "landing_page_view", "value": "640"},
                        {"action_type": "offsite_conversion.fb_pixel_purchase", "value": "%s"}
                      ]""".formatted(clicks, purchases), """
                [
                        {"action_type": "offsite_conversion.fb_pixel_purchase", "value": "%s"}
                      ]""".formatted(purchaseValue));
    }

    /** An insights row as the Graph API writes it: every figure a string. */
    public static String metaRow(String campaignId, String dateStart, String dateStop, String spend, String currency,
            String impressions, String clicks, String actions, String actionValues) {
        return """
                {
                  "campaign_id": "%s",
                  "campaign_name": "BF 2026 prospecting",
                  "date_start": "%s",
                  "date_stop": "%s",
                  "spend": "%s",
                  "impressions": "%s",
                  "clicks": "%s",
                  "account_currency": "%s",
                  "actions": %s,
                  "action_values": %s
                }""".formatted(campaignId, dateStart, dateStop, spend, impressions, clicks, currency, actions,
                actionValues);
    }

    /** The header of a LinkedIn Campaign Manager campaign performance export. */
    public static final String LINKEDIN_HEADER = "\"Start Date (in UTC)\",\"End Date (in UTC)\",\"Account Name\",\"Currency\","
            + "\"Campaign Group ID\",\"Campaign Group Name\",\"Campaign ID\",\"Campaign Name\",\"Campaign Type\","
            + "\"Campaign Status\",\"Total Spent\",\"Impressions\",\"Clicks\",\"Average CTR\",\"Average CPM\","
            + "\"Average CPC\",\"Conversions\",\"Post-Click Conversions\",\"View-Through Conversions\","
            + "\"Conversion Rate\",\"Cost per Conversion\",\"Total Conversion Value\"";

    /** A LinkedIn export as Campaign Manager downloads it: a report preamble, the header row, daily rows. */
    public static String linkedinExport(List<String> rows) {
        return """
                "Campaign Performance Report (in UTC)"
                "Report Start: Nov 1, 2026, 12:00 AM"
                "Report End: Nov 2, 2026, 11:59 PM"
                "Date Generated: Nov 3, 2026, 9:14 AM"

                """ + LINKEDIN_HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    /** A daily LinkedIn row (dates in the export's M/D/YYYY form). */
    public static String linkedinRow(String date, String campaignId, String campaignName, String currency,
            String spend, String impressions, String clicks, String conversions) {
        return String.join(",", date, date, "\"Tally Demo Shop\"", currency, "612345678", "\"Black Friday 2026\"",
                campaignId, "\"" + campaignName + "\"", "Sponsored Content", "Active", spend, "\"" + impressions + "\"",
                clicks,
                "1.15%", "7.90", "0.69", conversions, conversions, "0", "2.10%", "32.80", "312.40");
    }

    /** The header of a TikTok Ads Manager custom report, by day. */
    public static final String TIKTOK_HEADER = "Campaign name,Campaign ID,Date,Currency,Cost,CPC,CPM,Impressions,Clicks,"
            + "CTR,Conversions,Cost per conversion";

    /** A TikTok export: the header row and daily rows. */
    public static String tiktokExport(List<String> rows) {
        return TIKTOK_HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    /** A daily TikTok row (dates in YYYY-MM-DD form). */
    public static String tiktokRow(String campaignName, String campaignId, String date, String cost,
            String impressions, String clicks, String conversions) {
        return String.join(",", campaignName, campaignId, date, "EUR", cost, "0.16", "1.83", impressions, clicks,
                "1.14%", conversions, "12.84");
    }

    /** The header of a Google Ads campaign report downloaded as CSV with the Day segment. */
    public static final String GOOGLE_ADS_HEADER = "Day,Campaign ID,Campaign,Campaign status,Campaign type,Currency code,"
            + "Cost,Impr.,Clicks,CTR,Avg. CPC,Conversions,Conv. value,Cost / conv.";

    /**
     * A Google Ads campaign report as the UI downloads it: the report title and date range, the header row, the daily
     * rows, and the total rows Google Ads appends ({@code Total: ...}, campaign id {@code --}).
     */
    public static String googleAdsExport(List<String> rows) {
        return "Campaign report\n\"November 1, 2026 - November 2, 2026\"\n" + GOOGLE_ADS_HEADER + "\n"
                + String.join("\n", rows) + "\n"
                + "Total: Account,--,--,--,--,EUR,\"2,544.61\",\"99,587\",\"1,716\",1.72%,1.48,26.50,\"2,330.55\",96.02\n"
                + "Total: Search,--,--,--,--,EUR,\"2,544.61\",\"99,587\",\"1,716\",1.72%,1.48,26.50,\"2,330.55\",96.02\n"
                + "Total: Campaigns,--,--,--,--,EUR,\"2,544.61\",\"99,587\",\"1,716\",1.72%,1.48,26.50,\"2,330.55\",96.02\n";
    }

    /** A daily Google Ads row; figures as Google Ads writes them (thousands separators, fractional conversions). */
    public static String googleAdsRow(String day, String campaignId, String cost, String impressions, String clicks,
            String conversions, String conversionValue) {
        return String.join(",", day, campaignId, "\"BF 2026 brand search\"", "Enabled", "Search", "EUR",
                quoted(cost), quoted(impressions), quoted(clicks), "1.68%", "1.52", conversions,
                quoted(conversionValue),
                "98.76");
    }

    /** The header of a Microsoft Advertising campaign performance report (CSV, daily). */
    public static final String MICROSOFT_ADS_HEADER = "\"TimePeriod\",\"AccountName\",\"CampaignId\",\"CampaignName\","
            + "\"CampaignStatus\",\"Spend\",\"CurrencyCode\",\"Impressions\",\"Clicks\",\"Ctr\",\"AverageCpc\","
            + "\"Conversions\",\"Revenue\"";

    /**
     * A Microsoft Advertising report as it downloads: the report's header lines, a blank line, the header row, the
     * daily rows, a blank line and the copyright footer.
     */
    public static String microsoftAdsExport(List<String> rows) {
        return """
                \uFEFF"Report Name: Campaign Performance Report"
                "Report Time: 11/1/2026 - 11/2/2026"
                "Time Zone: (GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"
                "Last Completed Available Day: 11/3/2026 9:14:00 AM (GMT+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna"
                "Potential Incomplete Data: false"
                "Rows: %d"

                """
                .formatted(rows.size()) + MICROSOFT_ADS_HEADER + "\n" + String.join("\n", rows) + "\n\n"
                + "\"\u00a92026 Microsoft Corporation. All rights reserved. \"\n";
    }

    /** A daily Microsoft Advertising row. */
    public static String microsoftAdsRow(String timePeriod, String campaignId, String spend, String impressions,
            String clicks, String conversions, String revenue) {
        return String.join(",", quoted(timePeriod), "\"Tally Demo Shop\"", quoted(campaignId), "\"BF 2026 search\"",
                "\"Active\"", quoted(spend), "\"EUR\"", quoted(impressions), quoted(clicks), "\"3.30%\"", "\"0.71\"",
                quoted(conversions), quoted(revenue));
    }

    /** The header of a generic cost file, with the default column names. */
    public static final String COSTS_HEADER = "date,campaign_code,programme_id,channel,amount,currency,category,source,id";

    /** A generic cost file: the default header row and {@code rows}. */
    public static String costsCsv(List<String> rows) {
        return COSTS_HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    /** A generic cost row in the default column order. */
    public static String costRow(String date, String campaignCode, String programmeId, String channel, String amount,
            String currency, String category, String source, String id) {
        return String.join(",", date, campaignCode, programmeId, channel, amount, currency, category, source, id);
    }

    /** A generic cost line as JSON; null values are left out. */
    public static String costJson(String date, String campaignCode, String programmeId, String channel, String amount,
            String currency, String category, String id) {
        StringBuilder json = new StringBuilder("{");
        String[][] fields = {{"date", date}, {"campaignCode", campaignCode}, {"programmeId", programmeId},
                {"channel", channel}, {"amount", amount}, {"currency", currency}, {"category", category},
                {"source", "finance"}, {"id", id}};
        for (String[] field : fields) {
            if (field[1] != null) {
                json.append(json.length() > 1 ? ", " : "").append('"').append(field[0]).append("\": \"")
                        .append(field[1]).append('"');
            }
        }
        return json.append('}').toString();
    }

    private static String quoted(String cell) {
        return "\"" + cell + "\"";
    }
}
