package io.tally.attribution.identity;

import static io.tally.attribution.AttributionFixtures.at;
import static io.tally.attribution.AttributionFixtures.cancellation;
import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.link;
import static io.tally.attribution.AttributionFixtures.purchase;
import static io.tally.attribution.AttributionFixtures.refund;
import static io.tally.attribution.AttributionFixtures.report;
import static io.tally.attribution.AttributionFixtures.revenueOf;
import static io.tally.attribution.AttributionFixtures.send;
import static io.tally.attribution.AttributionFixtures.sendStored;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.uniqueDay;
import static io.tally.attribution.AttributionFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.ConversionAdjustment;
import io.tally.events.Identifiers;
import io.tally.events.Money;
import io.tally.events.Trust;

/** Identity merges and order adjustments, through the real broker into the real ledger. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class IdentityAndRefundFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static Identifiers user(String userId) {
        return new Identifiers(null, userId, null, null, null, null);
    }

    private static Identifiers email(String sha) {
        return new Identifiers(null, null, sha, null, null, null);
    }

    /** Every enabled model's net credit of a conversion, as "model:amount" sorted by model. */
    private List<Object> netByModel(String conversionEventId) {
        return sql("SELECT model || ':' || sum(amount_minor) || ':' || sum(conversion_units) FROM credit"
                + " WHERE conversion_event_id = ?1 GROUP BY model ORDER BY model", conversionEventId);
    }

    @Test
    void anIdentityLinkMergesProfilesAndReattributesTheirConversions() {
        LocalDate day = uniqueDay();
        Identifiers browser = customer();
        String userId = "user-" + UUID.randomUUID();
        sendStored(visit(browser, at(day, 8), Channel.PAID_SOCIAL, null)); // before the purchase: no late touch
        Conversion order = purchase(user(userId), at(day, 10), "60.00", "EUR");
        send(order);
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                revenueOf(report(day.toString(), "linear", "channel"), "unattributed")).isEqualTo("60.00"));

        send(link(new Identifiers(browser.anonymousId(), userId, null, null, null, null)));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath linear = report(day.toString(), "linear", "channel");
            assertThat(revenueOf(linear, "paid_social")).isEqualTo("60.00");
            assertThat(revenueOf(linear, "unattributed")).isNull();
        });
        assertThat(sql("SELECT entry_kind || ':' || reason || ':' || amount_minor FROM credit"
                + " WHERE conversion_event_id = ?1 AND model = 'first_touch' ORDER BY id", order.eventId()))
                .containsExactly((Object) "original:conversion:6000", "adjustment:identity_merge:-6000",
                        "adjustment:identity_merge:6000");
        // one profile now holds both identifiers, and both rows point at it
        assertThat(sql("SELECT count(DISTINCT profile_id) || '/' || count(*) FROM identity WHERE identifier IN"
                + " ('anonymousId:' || ?1, 'userId:" + userId + "')", browser.anonymousId())).containsExactly("1/2");
    }

    @Test
    void journeysFollowChainsOfIdentifiersAcrossEvents() {
        LocalDate day = uniqueDay();
        Identifiers browser = customer();
        String emailSha = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        String userId = "user-" + UUID.randomUUID();
        send(visit(browser, at(day, 7), Channel.EMAIL, null));
        // a newsletter sign-up joins the browser to an email; a later login joins the email to an account
        send(visit(new Identifiers(browser.anonymousId(), null, emailSha, null, null, null), at(day, 8),
                Channel.ORGANIC_SEARCH, null));
        send(link(new Identifiers(null, userId, emailSha, null, null, null)));
        Conversion order = purchase(user(userId), at(day, 10), "90.00", "EUR");
        await().atMost(WAIT).until(() -> sql("SELECT count(DISTINCT profile_id) || '/' || count(*) FROM identity"
                + " WHERE identifier IN ('anonymousId:' || ?1, 'emailSha256:" + emailSha + "', 'userId:" + userId
                + "')",
                browser.anonymousId()).equals(List.of("1/3")));
        send(order);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath linear = report(day.toString(), "linear", "channel");
            assertThat(revenueOf(linear, "email")).isEqualTo("45.00");
            assertThat(revenueOf(linear, "organic_search")).isEqualTo("45.00");
        });
    }

    @Test
    void aPartialRefundPostsNegativeCreditsMirroringTheSplit() {
        LocalDate day = uniqueDay();
        Identifiers who = customer();
        send(visit(who, at(day, 8), Channel.EMAIL, null));
        send(visit(who, at(day, 9), Channel.PAID_SEARCH, null));
        Conversion order = purchase(who, at(day, 10), "100.00", "EUR");
        send(order);
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                revenueOf(report(day.toString(), "linear", "channel"), "email")).isEqualTo("50.00"));

        ConversionAdjustment refund = refund(order, "30.00");
        send(refund);
        send(refund); // redelivered: counted once

        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath linear = report(day.toString(), "linear", "channel");
            assertThat(revenueOf(linear, "email")).isEqualTo("35.00");
            assertThat(revenueOf(linear, "paid_search")).isEqualTo("35.00");
        });
        assertThat(sql("SELECT touchpoint_event_id IS NOT NULL, amount_minor, conversion_units FROM credit"
                + " WHERE conversion_event_id = ?1 AND model = 'linear' AND reason = 'refund'", order.eventId()))
                .hasSize(2)
                .allSatisfy(row -> assertThat((Object[]) row).containsExactly(true, -1500L, 0L));
        assertThat(netByModel(order.eventId())).allSatisfy(net -> assertThat(net.toString()).endsWith(":7000:1000000"));
        // originals and the refund's adjustments belong to the conversion's period
        assertThat(sql("SELECT DISTINCT period FROM credit WHERE conversion_event_id = ?1", order.eventId()))
                .containsExactly((Object) java.time.YearMonth.from(day).toString());
    }

    @Test
    void aFullRefundOrCancellationNetsEveryModelToZero() {
        LocalDate day = uniqueDay();
        Identifiers who = customer();
        send(visit(who, at(day, 8), Channel.EMAIL, null));
        send(visit(who, at(day, 9), Channel.DIRECT, null));
        Conversion refunded = purchase(who, at(day, 10), "33.33", "EUR");
        Conversion cancelled = purchase(who, at(day, 11), "10.00", "EUR");
        send(refunded);
        send(cancelled);
        await().atMost(WAIT).until(() -> netByModel(refunded.eventId()).size() == 9
                && netByModel(cancelled.eventId()).size() == 9);
        send(refund(refunded, "13.33"));
        send(refund(refunded, "20.00"));
        send(cancellation(cancelled));

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(netByModel(refunded.eventId())).hasSize(9)
                    .allSatisfy(net -> assertThat(net.toString()).endsWith(":0:0"));
            assertThat(netByModel(cancelled.eventId())).hasSize(9)
                    .allSatisfy(net -> assertThat(net.toString()).endsWith(":0:0"));
        });
        assertThat(report(day.toString(), "position_based", "channel").getList("rows")).isEmpty();
    }

    @Test
    void aRefundThatArrivesBeforeItsOrderIsAppliedWhenTheOrderArrives() {
        LocalDate day = uniqueDay();
        Identifiers who = customer();
        Conversion order = purchase(who, at(day, 10), "50.00", "EUR");
        ConversionAdjustment early = refund(order, "20.00");
        send(early);
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM conversion_adjustment WHERE event_id = ?1",
                early.eventId()).equals(List.of(1L)));
        send(visit(who, at(day, 9), Channel.EMAIL, null));
        send(order);

        await().atMost(WAIT).untilAsserted(() -> assertThat(
                revenueOf(report(day.toString(), "last_touch", "channel"), "email")).isEqualTo("30.00"));
        assertThat(netByModel(order.eventId())).allSatisfy(net -> assertThat(net.toString()).endsWith(":3000:1000000"));
    }

    @Test
    void aRefundInAnotherCurrencyThanItsOrderIsADeadLetterAndChangesNothing() {
        LocalDate day = uniqueDay();
        Identifiers who = customer();
        Conversion order = purchase(who, at(day, 10), "50.00", "EUR");
        send(order);
        await().atMost(WAIT).until(() -> !netByModel(order.eventId()).isEmpty());
        ConversionAdjustment wrong = new ConversionAdjustment("refund-" + UUID.randomUUID(), order.orderId(),
                order.occurredAt(), ConversionAdjustment.Kind.REFUND, Money.of("10.00", "USD"), "test", Trust.VERIFIED);
        send(wrong);
        ConversionAdjustment right = refund(order, "5.00");
        send(right);

        await().atMost(WAIT).untilAsserted(() -> assertThat(netByModel(order.eventId()))
                .allSatisfy(net -> assertThat(net.toString()).endsWith(":4500:1000000")));
        assertThat(sql("SELECT count(*) FROM conversion_adjustment WHERE event_id = ?1", wrong.eventId()))
                .containsExactly(0L);
    }
}
