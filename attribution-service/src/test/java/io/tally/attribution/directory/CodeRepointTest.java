package io.tally.attribution.directory;

import static io.tally.attribution.AttributionFixtures.at;
import static io.tally.attribution.AttributionFixtures.campaignWithSpans;
import static io.tally.attribution.AttributionFixtures.code;
import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.purchaseWithCoupon;
import static io.tally.attribution.AttributionFixtures.report;
import static io.tally.attribution.AttributionFixtures.revenueOf;
import static io.tally.attribution.AttributionFixtures.send;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.uniqueDay;
import static io.tally.attribution.AttributionFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tally.devstack.DevstackResource;
import io.tally.events.CampaignChanged.TrackingCode;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Identifiers;

/**
 * A tracking code re-pointed from an instant on: touches (and coupon redemptions) before it keep crediting the old
 * campaign, those after it credit the new one, already credited conversions move by adjustments, and nothing is
 * counted twice. On the real broker and ledger.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class CodeRepointTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void touchesCreditTheCampaignTheCodePointedAtWhenTheyHappened() {
        LocalDate day = uniqueDay();
        Instant noon = at(day, 12);
        String code = code();
        UUID programme = UUID.randomUUID();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        send(campaignWithSpans(programme, "Winter", a, 1, "Black Friday", Channel.PAID_SOCIAL,
                List.of(new TrackingCode(code, "coupon", null, null))));
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code = ?1", code).get(0)
                .toString().equals("1"));

        Identifiers morning = customer();
        send(visit(morning, at(day, 8), Channel.PAID_SOCIAL, code));
        Conversion before = purchase(morning, at(day, 10), "100.00", "EUR");
        send(before);
        Identifiers afternoon = customer();
        send(visit(afternoon, at(day, 14), Channel.PAID_SOCIAL, code));
        Conversion after = purchase(afternoon, at(day, 15), "60.00", "EUR");
        send(after);
        send(purchaseWithCoupon(customer(), at(day, 11), "40.00", code));
        send(purchaseWithCoupon(customer(), at(day, 16), "25.00", code.toUpperCase()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                revenueOf(report(day.toString(), "last_touch", "campaign"), "Black Friday")).isEqualTo("225.00"));

        // re-pointed from noon: the new campaign's event first (crossed: the old one still holds the code open-ended,
        // so the span assigned later wins), then the old campaign's narrowed span
        send(campaignWithSpans(programme, "Winter", b, 1, "Christmas", Channel.EMAIL,
                List.of(new TrackingCode(code, "coupon", noon, null))));
        await().atMost(WAIT).untilAsserted(() -> assertByCampaign(day));
        send(campaignWithSpans(programme, "Winter", a, 2, "Black Friday", Channel.PAID_SOCIAL,
                List.of(new TrackingCode(code, "coupon", null, noon))));
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code = ?1 AND valid_until IS NOT"
                + " NULL", code).get(0).toString().equals("1"));
        assertByCampaign(day);

        // every model's credits of the moved conversion still sum to its revenue, originals kept, moves as adjustments
        assertThat(sql("SELECT count(DISTINCT model) FILTER (WHERE total <> 6000) || '/' || count(*) FROM (SELECT"
                + " model, sum(amount_minor) AS total FROM credit WHERE conversion_event_id = ?1 GROUP BY model) m",
                after.eventId()).get(0).toString()).matches("0/\\d+");
        assertThat(netByCampaign(after, "last_touch")).containsExactly((Object) (b + ":6000"));
        assertThat(netByCampaign(before, "last_touch")).containsExactly((Object) (a + ":10000"));
        assertThat(sql("SELECT count(*) FROM credit WHERE conversion_event_id = ?1 AND model = 'last_touch'"
                + " AND entry_kind = 'original'", after.eventId()).get(0).toString())
                .as("the original row stays; the move is adjustments").isEqualTo("1");
    }

    /** Black Friday keeps the 100.00 touch at 08:00 and the 40.00 coupon at 11:00; Christmas has 60.00 + 25.00. */
    private static void assertByCampaign(LocalDate day) {
        JsonPath byCampaign = report(day.toString(), "last_touch", "campaign");
        assertThat(revenueOf(byCampaign, "Black Friday")).isEqualTo("140.00");
        assertThat(revenueOf(byCampaign, "Christmas")).isEqualTo("85.00");
    }

    /** The conversion's net credit per campaign under a model, leaving out campaigns that net to zero. */
    private static List<Object> netByCampaign(Conversion conversion, String model) {
        return sql("SELECT campaign_id || ':' || sum(amount_minor) FROM credit WHERE conversion_event_id = ?1"
                + " AND model = '" + model + "' GROUP BY campaign_id HAVING sum(amount_minor) <> 0",
                conversion.eventId());
    }
}
