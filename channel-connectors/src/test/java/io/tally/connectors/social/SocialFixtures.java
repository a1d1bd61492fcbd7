package io.tally.connectors.social;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ad-platform payloads in the platforms' own formats: a Graph API insights response, a LinkedIn Campaign Manager
 * export (with its report preamble) and a TikTok Ads Manager export. Campaign ids are unique per call, because all
 * test classes share one broker.
 */
public final class SocialFixtures {

    private SocialFixtures() {
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

    /** An organic engagement as a social listening tool forwards it. */
    public static String engagement(String id, String network, String type, String occurredAt, String linkId,
            String identity) {
        return """
                {"id": "%s", "network": "%s", "type": "%s", "occurredAt": "%s", "linkId": "%s", %s}"""
                .formatted(id, network, type, occurredAt, linkId, identity);
    }
}
