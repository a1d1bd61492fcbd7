package io.tally.connectors.costs.rest;

import static io.tally.connectors.costs.CostFixtures.campaignId;
import static io.tally.connectors.costs.CostFixtures.linkedinExport;
import static io.tally.connectors.costs.CostFixtures.linkedinRow;
import static io.tally.connectors.costs.CostFixtures.tiktokExport;
import static io.tally.connectors.costs.CostFixtures.tiktokRow;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.tally.connectors.TopicProbe;
import io.tally.connectors.costs.CostFixtures;
import io.tally.devstack.DevstackResource;
import io.tally.devstack.LocalIssuer;
import io.tally.events.Channel;
import io.tally.events.Cost;
import io.tally.events.Money;
import io.tally.events.Reject;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;
import io.tally.support.security.Role;

@QuarkusTest
@WithTestResource(DevstackResource.class)
class AdCostImportResourceTest {

    private static final String PATH = "/api/v1/imports/ad-costs/{platform}";
    private static final Duration QUIET = Duration.ofSeconds(2);

    private TopicProbe costs;
    private TopicProbe rejects;
    private String campaign;

    @BeforeEach
    void openProbes() {
        costs = TopicProbe.of(Topics.COSTS);
        rejects = TopicProbe.of(Topics.REJECTS);
        campaign = campaignId(9);
    }

    @AfterEach
    void closeProbes() {
        costs.close();
        rejects.close();
    }

    private static RequestSpecification csv(String body) {
        return given().contentType("text/csv; charset=UTF-8").body(body);
    }

    private static ValidatableResponse post(String platform, String body) {
        return csv(body).when().post(PATH, platform).then();
    }

    @Test
    void linkedinExportWithItsReportPreambleBecomesDailyCosts() {
        String export = linkedinExport(List.of(
                linkedinRow("11/1/2026", campaign, "BF 2026 decision makers", "EUR", "98.40", "12,450", "143", "3"),
                linkedinRow("11/2/2026", campaign, "BF 2026 decision makers", "EUR", "102.15", "13012", "151", "4")));

        post("linkedin", export).statusCode(200)
                .body("rows", equalTo(2)).body("accepted", equalTo(2)).body("rejected", equalTo(0))
                .body("rejects", hasSize(0));

        List<Cost> published = costsOf(campaign, 2);
        Cost first = published.get(0);
        assertThat(first.date()).isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(first.channel()).isEqualTo(Channel.PAID_SOCIAL);
        assertThat(first.source()).isEqualTo("linkedin");
        assertThat(first.lineId()).isEqualTo("linkedin:" + campaign + ":2026-11-01");
        assertThat(first.campaignCode()).isEqualTo(campaign);
        assertThat(first.spend()).isEqualTo(Money.of("98.40", "EUR"));
        assertThat(first.impressions()).isEqualTo(12450L);
        assertThat(first.clicks()).isEqualTo(143L);
        assertThat(first.platformPurchases()).isEqualTo(3L);
        assertThat(first.platformPurchaseValue()).isNull();
        assertThat(published.get(1).spend()).isEqualTo(Money.of("102.15", "EUR"));
    }

    @Test
    void tiktokExportBecomesDailyCosts() {
        String tiktokCampaign = campaignId(16);
        String export = tiktokExport(List.of(
                tiktokRow("BF 2026 spark ads", tiktokCampaign, "2026-11-01", "64.20", "35120", "402", "5"),
                tiktokRow("BF 2026 spark ads", tiktokCampaign, "2026-11-02", "70.85", "38904", "455", "-")));

        post("tiktok", export).statusCode(200).body("rows", equalTo(2)).body("accepted", equalTo(2));

        List<Cost> published = costsOf(tiktokCampaign, 2);
        assertThat(published).extracting(Cost::source).containsOnly("tiktok");
        assertThat(published).extracting(Cost::spend)
                .containsExactly(Money.of("64.20", "EUR"), Money.of("70.85", "EUR"));
        assertThat(published).extracting(Cost::platformPurchases).containsExactly(5L, null);
        assertThat(published.get(1).impressions()).isEqualTo(38904L);
    }

    @Test
    void malformedRowsBetweenGoodRowsAreReportedWithRowColumnAndReasonAndTheRestIsPublished() {
        String name = "BF 2026 " + campaign;
        String export = linkedinExport(List.of(
                linkedinRow("11/1/2026", campaign, name, "EUR", "98.40", "12450", "143", "3"),
                linkedinRow("11/2/2026", campaign, name, "EUR", "-5.00", "13012", "151", "4"),
                linkedinRow("11/31/2026", campaign, name, "EUR", "101.00", "13100", "150", "4"),
                linkedinRow("11/4/2026", campaign, name, "XYZ", "99.99", "12990", "149", "2"),
                linkedinRow("11/5/2026", "", name, "EUR", "97.10", "12001", "140", "2"),
                linkedinRow("11/6/2026", campaign, name, "EUR", "n/a", "12001", "140", "2"),
                linkedinRow("11/7/2026", campaign, name, "EUR", "96.00", "11800", "139", "1")));

        post("linkedin", export).statusCode(200)
                .body("rows", equalTo(7)).body("accepted", equalTo(2)).body("rejected", equalTo(5))
                // row 3 has a bad start and a bad end date: each bad cell is listed
                .body("rejects.row", contains(2, 3, 3, 4, 5, 6))
                .body("rejects.column", contains("Total Spent", "Start Date (in UTC)", "End Date (in UTC)",
                        "Currency", "Campaign ID", "Total Spent"))
                .body("rejects.field", contains("spend", "date", "endDate", "currency", "campaignId", "spend"))
                .body("rejects[0].reason", equalTo("must not be negative"))
                .body("rejects[1].reason", containsString("must be a date"))
                .body("rejects[3].reason", equalTo("is not an ISO 4217 currency code: XYZ"))
                .body("rejects[4].reason", equalTo("is required"))
                .body("rejects[5].reason", containsString("must be a decimal number"));

        assertThat(costsOf(campaign, 2)).extracting(Cost::date)
                .containsExactly(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 7));
        List<Reject> deadLetters = rejects.awaitMentioning(name, 5).stream()
                .map(r -> EventJson.read(r.value(), Reject.class)).toList();
        assertThat(deadLetters).extracting(Reject::source).containsOnly("social.linkedin");
        assertThat(deadLetters).extracting(Reject::field).containsExactlyInAnyOrder("Total Spent",
                "Start Date (in UTC)", "Currency", "Campaign ID", "Total Spent");
    }

    @Test
    void aMappedColumnMissingFromTheFileIsAnswered422AndNothingIsPublished() {
        String export = linkedinExport(List.of(
                linkedinRow("11/1/2026", campaign, "BF 2026 decision makers", "EUR", "98.40", "12450", "143", "3")))
                .replace("\"Total Spent\"", "\"Amount Spent\"");

        post("linkedin", export).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:tally:problem:unprocessable"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("column.spend"))
                .body("errors[0].reason", containsString("\"Total Spent\""));

        costs.assertNothingMentioning(campaign, QUIET);
        rejects.assertNothingMentioning(campaign, QUIET);
    }

    @Test
    void aColumnOverrideMapsTheFilesOwnHeaders() {
        String export = linkedinExport(List.of(
                linkedinRow("11/1/2026", campaign, "BF 2026 decision makers", "EUR", "98.40", "12450", "143", "3")))
                .replace("\"Total Spent\"", "\"Amount Spent\"");

        csv(export).queryParam("column.spend", "Amount Spent")
                .queryParam("column.conversionValue", "Total Conversion Value")
                .when().post(PATH, "linkedin").then().statusCode(200).body("accepted", equalTo(1));

        Cost cost = costsOf(campaign, 1).get(0);
        assertThat(cost.spend()).isEqualTo(Money.of("98.40", "EUR"));
        assertThat(cost.platformPurchaseValue()).isEqualTo(Money.of("312.40", "EUR"));
    }

    @Test
    void anUnknownMappedFieldIsAnswered400() {
        csv(tiktokExport(List.of())).queryParam("column.budget", "Budget")
                .when().post(PATH, "tiktok").then().statusCode(400)
                .body("errors[0].field", equalTo("column.budget"));
    }

    @Test
    void anUnknownPlatformIsAnswered404() {
        post("snapchat", tiktokExport(List.of())).statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:tally:problem:not-found"))
                .body("detail", containsString("the platforms are google-ads, linkedin, microsoft-ads, tiktok"));
    }

    @Test
    void aBodyThatIsNotCsvIsAnswered415() {
        given().contentType("application/json").body("{\"data\": []}").when().post(PATH, "linkedin").then()
                .statusCode(415).contentType("application/problem+json")
                .body("type", equalTo("urn:tally:problem:unsupported-media-type"))
                .body("errors", nullValue());
    }

    @TestHTTPResource("/api/v1/imports/ad-costs/tiktok")
    URI tiktokImport;

    @Test
    void anExportLargerThanTheHttpBodyLimitIsStreamedWithoutContentLength() throws Exception {
        String tiktokCampaign = campaignId(16);
        byte[] header = (CostFixtures.TIKTOK_HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] line = (tiktokRow("BF 2026 spark ads", tiktokCampaign, "2026-11-03", "64.20", "35120", "402", "5")
                + "\n").getBytes(StandardCharsets.UTF_8);
        int rows = 12 * 1024 * 1024 / line.length; // more than quarkus.http.limits.max-body-size (10 MiB)
        HttpRequest chunked = HttpRequest.newBuilder(tiktokImport).header("Content-Type", "text/csv")
                .header("Authorization",
                        LocalIssuer.shared().bearer(Role.INGEST))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new ByteArrayInputStream(header), repeated(line, rows))))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"rows\":" + rows, "\"accepted\":1", "\"deduplicated\":" + (rows - 1));
        costsOf(tiktokCampaign, 1);
    }

    /** {@code line} {@code times} over, generated as it is read. */
    private static InputStream repeated(byte[] line, int times) {
        return new InputStream() {
            private long position;

            @Override
            public int read() {
                if (position >= (long) line.length * times) {
                    return -1;
                }
                return line[(int) (position++ % line.length)];
            }
        };
    }

    private List<Cost> costsOf(String campaignCode, int count) {
        return costs.awaitMentioning(campaignCode, count).stream()
                .map(r -> EventJson.read(r.value(), Cost.class))
                .sorted(Comparator.comparing(Cost::date))
                .toList();
    }
}
