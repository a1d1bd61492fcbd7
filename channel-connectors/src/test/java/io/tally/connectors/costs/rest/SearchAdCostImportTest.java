package io.tally.connectors.costs.rest;

import static io.tally.connectors.costs.CostFixtures.campaignId;
import static io.tally.connectors.costs.CostFixtures.googleAdsExport;
import static io.tally.connectors.costs.CostFixtures.googleAdsRow;
import static io.tally.connectors.costs.CostFixtures.microsoftAdsExport;
import static io.tally.connectors.costs.CostFixtures.microsoftAdsRow;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tally.connectors.TopicProbe;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.Cost;
import io.tally.events.Money;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;

/**
 * Search-ad exports as the platforms download them: a Google Ads campaign report (title, date range, thousands
 * separators, fractional conversions, total rows) and a Microsoft Advertising report (header lines, copyright footer).
 * Only the days are published, as paid-search costs; the summary rows are neither published nor rejected.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class SearchAdCostImportTest {

    private static final String PATH = "/api/v1/imports/ad-costs/{platform}";
    private static final Duration QUIET = Duration.ofSeconds(2);

    private TopicProbe costs;
    private TopicProbe rejects;

    @BeforeEach
    void openProbes() {
        costs = TopicProbe.of(Topics.COSTS);
        rejects = TopicProbe.of(Topics.REJECTS);
    }

    @AfterEach
    void closeProbes() {
        costs.close();
        rejects.close();
    }

    private static ValidatableResponse post(String platform, String body) {
        return given().contentType("text/csv; charset=UTF-8").body(body).when().post(PATH, platform).then();
    }

    @Test
    void aGoogleAdsReportPublishesItsDaysAsPaidSearchAndSkipsItsTitleAndTotals() {
        String campaign = campaignId(11);
        String report = googleAdsExport(List.of(
                googleAdsRow("2026-11-01", campaign, "1,234.56", "48,210", "812", "12.50", "1,043.10"),
                googleAdsRow("2026-11-02", campaign, "1,310.05", "51,377", "904", "14.00", "1,287.45")));

        post("google-ads", report).statusCode(200)
                .body("rows", equalTo(2)).body("accepted", equalTo(2)).body("deduplicated", equalTo(0))
                .body("rejected", equalTo(0)).body("rejects", hasSize(0));

        List<Cost> published = costsOf(campaign, 2);
        assertThat(published).extracting(Cost::channel).containsOnly(Channel.PAID_SEARCH);
        assertThat(published).extracting(Cost::source).containsOnly("google-ads");
        assertThat(published).extracting(Cost::date)
                .containsExactly(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2));
        assertThat(published).extracting(Cost::spend)
                .containsExactly(Money.of("1234.56", "EUR"), Money.of("1310.05", "EUR"));
        assertThat(published).extracting(Cost::impressions).containsExactly(48210L, 51377L);
        assertThat(published).extracting(Cost::platformPurchases).containsExactly(12L, 14L);
        assertThat(published).extracting(Cost::platformPurchaseValue)
                .containsExactly(Money.of("1043.10", "EUR"), Money.of("1287.45", "EUR"));
        assertThat(published).extracting(Cost::lineId).containsExactly("google-ads:" + campaign + ":2026-11-01",
                "google-ads:" + campaign + ":2026-11-02");
        rejects.assertNothingMentioning("Total: ", QUIET);
    }

    @Test
    void aMicrosoftAdsReportPublishesItsDaysAsPaidSearchAndSkipsItsHeaderLinesAndFooter() {
        String campaign = campaignId(9);
        String report = microsoftAdsExport(List.of(
                microsoftAdsRow("2026-11-01", campaign, "212.40", "9120", "301", "4", "388.00"),
                microsoftAdsRow("11/2/2026", campaign, "198.75", "8874", "287", "3", "291.00")));

        post("microsoft-ads", report).statusCode(200)
                .body("rows", equalTo(2)).body("accepted", equalTo(2)).body("rejected", equalTo(0));

        List<Cost> published = costsOf(campaign, 2);
        assertThat(published).extracting(Cost::channel).containsOnly(Channel.PAID_SEARCH);
        assertThat(published).extracting(Cost::source).containsOnly("microsoft-ads");
        assertThat(published).extracting(Cost::spend)
                .containsExactly(Money.of("212.40", "EUR"), Money.of("198.75", "EUR"));
        assertThat(published).extracting(Cost::clicks).containsExactly(301L, 287L);
        assertThat(published).extracting(Cost::platformPurchaseValue)
                .containsExactly(Money.of("388.00", "EUR"), Money.of("291.00", "EUR"));
        rejects.assertNothingMentioning("Microsoft Corporation", QUIET);
    }

    @Test
    void anAmbiguousOrMalformedNumberRejectsItsRowNamingTheColumn() {
        String campaign = campaignId(11);
        String report = googleAdsExport(List.of(
                googleAdsRow("2026-11-03", campaign, "1,234", "48,210", "812", "12", "--"),
                googleAdsRow("2026-11-04", campaign, "1.234,56", "48,210", "812", "12", "--"),
                googleAdsRow("2026-11-05", campaign, "99.10", "48,21", "812", "12", "--"),
                googleAdsRow("2026-11-06", campaign, "99.20", "48,210", "812", "12", "--")));

        post("google-ads", report).statusCode(200)
                .body("rows", equalTo(4)).body("accepted", equalTo(1)).body("rejected", equalTo(3))
                .body("rejects.row", contains(1, 2, 3))
                .body("rejects.column", contains("Cost", "Cost", "Impr."))
                .body("rejects.field", contains("spend", "spend", "impressions"))
                .body("rejects[0].reason", startsWith("is ambiguous"));

        assertThat(costsOf(campaign, 1)).extracting(Cost::spend).containsExactly(Money.of("99.20", "EUR"));
        assertThat(rejects.awaitMentioning(campaign, 3)).hasSize(3);
    }

    @Test
    void theSameReportImportedAgainPublishesNothingAndACorrectedDayReplacesItsLine() {
        String campaign = campaignId(11);
        String report = googleAdsExport(List.of(
                googleAdsRow("2026-11-01", campaign, "100.00", "1,000", "10", "1", "--")));
        post("google-ads", report).statusCode(200).body("accepted", equalTo(1));

        post("google-ads", report).statusCode(200).body("accepted", equalTo(0)).body("deduplicated", equalTo(1));
        post("google-ads", report.replace("\"100.00\"", "\"104.50\"")).statusCode(200).body("accepted", equalTo(1));

        List<Cost> published = costsOf(campaign, 2);
        assertThat(published).extracting(Cost::spend)
                .containsExactlyInAnyOrder(Money.of("100.00", "EUR"), Money.of("104.50", "EUR"));
        assertThat(published).extracting(Cost::line).containsOnly("google-ads:" + campaign + ":2026-11-01");
        assertThat(published.get(0).eventId()).isNotEqualTo(published.get(1).eventId());
    }

    private List<Cost> costsOf(String campaignCode, int count) {
        List<Cost> published = costs.awaitMentioning(campaignCode, count).stream()
                .map(r -> EventJson.read(r.value(), Cost.class))
                .sorted(Comparator.comparing(Cost::date))
                .toList();
        assertThat(published).hasSize(count);
        return published;
    }
}
