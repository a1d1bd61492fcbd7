package io.tally.connectors.offline.rest;

import static io.tally.connectors.offline.OfflineFixtures.marker;
import static io.tally.connectors.offline.rest.OfflineImportResourceTest.awaitFinished;
import static io.tally.connectors.offline.rest.OfflineImportResourceTest.upload;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tally.connectors.TopicProbe;
import io.tally.devstack.DevstackResource;
import io.tally.events.ConversionAdjustment;
import io.tally.events.Money;
import io.tally.events.Topics;
import io.tally.events.Trust;
import io.tally.events.json.EventJson;

/**
 * Refund imports ({@code kind=refunds}): the authenticated way for a shop without a signed webhook to take revenue
 * back, since the open collector refuses refunds. End to end through the job to {@code tally.conversion-adjustments}.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class OfflineRefundImportTest {

    private TopicProbe adjustments;

    @BeforeEach
    void openProbe() {
        adjustments = TopicProbe.of(Topics.CONVERSION_ADJUSTMENTS);
    }

    @AfterEach
    void closeProbe() {
        adjustments.close();
    }

    /** Five rows: 1 and 4 good (4 in yen, with a reason), 2 refunds nothing, 3 has no order id, 5 is negative. */
    static String refundExport(String m) {
        return """
                refund_id,order_id,occurred_at,amount,currency,reason
                RF-%1$s-1,WEB-%1$s-1,2026-11-24 16:40:00,15.00,EUR,
                RF-%1$s-2,WEB-%1$s-2,2026-11-24 16:41:00,0.00,EUR,
                RF-%1$s-3,,2026-11-24 16:42:00,10.00,EUR,
                RF-%1$s-4,POS-%1$s-4,2026-11-25T08:12:00+01:00,1200,jpy,"damaged, returned in store"
                RF-%1$s-5,WEB-%1$s-5,2026-11-24 16:43:00,-3.00,EUR,
                """.formatted(m);
    }

    @Test
    void goodRowsBecomeVerifiedRefundsKeyedByOrderAndBadRowsAreRejectedByColumn() {
        String m = marker();

        String id = upload("refunds", refundExport(m), Map.of());
        JsonPath job = awaitFinished(id);

        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getString("kind")).isEqualTo("refunds");
        assertThat(job.getLong("rowsRead")).isEqualTo(5);
        assertThat(job.getLong("accepted")).isEqualTo(2);
        assertThat(job.getLong("rejected")).isEqualTo(3);
        List<ConsumerRecord<String, byte[]>> records = adjustments.awaitMentioning("RF-" + m, 2);
        assertThat(records).hasSize(2);
        ConsumerRecord<String, byte[]> webRecord = records.stream()
                .filter(r -> r.key().equals("WEB-" + m + "-1")).findFirst().orElseThrow();
        ConversionAdjustment web = EventJson.read(webRecord.value(), ConversionAdjustment.class);
        assertThat(web.eventId()).isEqualTo("refund:RF-" + m + "-1");
        assertThat(web.orderId()).isEqualTo("WEB-" + m + "-1");
        assertThat(web.kind()).isEqualTo(ConversionAdjustment.Kind.REFUND);
        assertThat(web.amount()).isEqualTo(Money.of("15.00", "EUR"));
        assertThat(web.occurredAt()).isEqualTo(Instant.parse("2026-11-24T16:40:00Z"));
        assertThat(web.reason()).isNull();
        assertThat(web.trust()).isEqualTo(Trust.VERIFIED);
        ConsumerRecord<String, byte[]> posRecord = records.stream()
                .filter(r -> r.key().equals("POS-" + m + "-4")).findFirst().orElseThrow();
        ConversionAdjustment pos = EventJson.read(posRecord.value(), ConversionAdjustment.class);
        assertThat(pos.amount()).isEqualTo(Money.of("1200", "JPY"));
        assertThat(pos.occurredAt()).isEqualTo(Instant.parse("2026-11-25T07:12:00Z"));
        assertThat(pos.reason()).isEqualTo("damaged, returned in store");
        assertThat(pos.trust()).isEqualTo(Trust.VERIFIED);

        JsonPath report = given().accept("application/json").when().get("/api/v1/imports/" + id + "/rejects")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getList("row", Integer.class)).containsExactly(2, 3, 5);
        assertThat(report.getList("column", String.class)).containsExactly("amount", "order_id", "amount");
        assertThat(report.getString("[0].reason")).startsWith("must be greater than zero");
        assertThat(report.getString("[1].reason")).isEqualTo("is required");
        assertThat(report.getString("[2].reason")).isEqualTo("must not be negative");
    }

    @Test
    void uploadingTheSameRefundsAgainTakesNothingBackTwice() {
        String m = marker();
        awaitFinished(upload("refunds", refundExport(m), Map.of()));
        adjustments.awaitMentioning("RF-" + m, 2);

        JsonPath again = awaitFinished(upload("refunds", refundExport(m), Map.of()));

        assertThat(again.getLong("accepted")).isZero();
        assertThat(again.getLong("deduplicated")).isEqualTo(2);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(7))
                .until(() -> adjustments.mentioning("RF-" + m).size() == 2);
    }

    @Test
    void aRefundExportNeedsNoIdentifierColumnButItsRequiredColumns() {
        String m = marker();
        JsonPath job = awaitFinished(upload("refunds",
                "Refund,Order,When,Refunded,Cur\nRF-" + m + "-9,WEB-" + m + "-9,2026-11-24 10:00:00,5.50,EUR\n",
                Map.of("column.refundId", "Refund", "column.orderId", "Order", "column.occurredAt", "When",
                        "column.amount", "Refunded", "column.currency", "Cur")));
        assertThat(job.getLong("accepted")).isEqualTo(1);

        given().contentType(OfflineImportResourceTest.CSV_UTF8).queryParam("kind", "refunds")
                .body("order_id,occurred_at,amount,currency\nWEB-1,2026-11-24 10:00:00,5.50,EUR\n")
                .when().post(OfflineImportResourceTest.OFFLINE)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", contains("column.refundId"));
    }
}
