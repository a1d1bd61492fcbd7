package io.tally.attribution.reports;

import static io.tally.attribution.AttributionFixtures.at;
import static io.tally.attribution.AttributionFixtures.code;
import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.send;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.touch;
import static io.tally.attribution.AttributionFixtures.uniqueDay;
import static io.tally.attribution.AttributionFixtures.visit;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tally.devstack.DevstackResource;
import io.tally.events.CampaignChanged;
import io.tally.events.Channel;
import io.tally.events.Identifiers;
import io.tally.events.InteractionType;
import io.tally.events.ModelSettings;

/**
 * The path and integration reports cut journeys as the programme says: its lookback per touch and its touch weights
 * (a kind it weighs 0 is no step of the path), like the live credit.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class ProgrammeJourneyRulesTest {

    @Test
    void aProgrammesLookbackAndWeightsShapeItsPaths() {
        UUID programme = UUID.randomUUID();
        UUID campaign = UUID.randomUUID();
        String searchCode = code();
        String mailCode = code();
        // lookback 2 days, email opens earn nothing
        send(new CampaignChanged(CampaignChanged.eventIdOf(campaign, 1), campaign, 1, Instant.now(),
                new CampaignChanged.ProgrammeRef(programme, "Short memory", "EUR", "UTC", 2, "linear",
                        new ModelSettings(Map.of("email_open", BigDecimal.ZERO), Map.of(), null, null)),
                "Short memory search", Channel.PAID_SEARCH, List.of(CampaignChanged.TrackingCode.of(searchCode),
                        CampaignChanged.TrackingCode.of(mailCode)),
                false));
        await().atMost(Duration.ofSeconds(30)).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code IN (?1)",
                List.of(searchCode, mailCode)).get(0).toString().equals("2"));

        LocalDate day = uniqueDay().plusDays(400); // five days of its own after the shared test days
        Identifiers who = customer();
        send(visit(who, at(day.minusDays(5), 9), Channel.PAID_SEARCH, searchCode)); // outside the 2-day lookback
        send(touch(who, at(day, 8), Channel.EMAIL, InteractionType.EMAIL_OPEN, mailCode)); // weight 0: no step
        send(visit(who, at(day, 9), Channel.PAID_SEARCH, searchCode));
        send(purchase(who, at(day, 10), "40.00", "EUR"));

        // the default 30 days and open weight 0.5 would make one converting path paid_search > email > paid_search
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath p = given().queryParam("from", day.minusDays(6).toString()).queryParam("to", day.toString())
                    .queryParam("programmeId", programme.toString()).when().get("/api/v1/reports/paths").then()
                    .statusCode(200).extract().jsonPath();
            assertThat(p.getList("paths.collect { it.path + ' | ' + it.journeys + ' ' + it.conversions + ' '"
                    + " + it.revenue }")).containsExactlyInAnyOrder("paid_search | 2 1 40.00");
            assertThat(p.getInt("lookbackDays")).isEqualTo(2);
        });
    }
}
