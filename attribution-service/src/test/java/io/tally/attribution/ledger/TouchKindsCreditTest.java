package io.tally.attribution.ledger;

import static io.tally.attribution.AttributionFixtures.at;
import static io.tally.attribution.AttributionFixtures.campaign;
import static io.tally.attribution.AttributionFixtures.code;
import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.purchaseWithCoupon;
import static io.tally.attribution.AttributionFixtures.report;
import static io.tally.attribution.AttributionFixtures.revenueOf;
import static io.tally.attribution.AttributionFixtures.send;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.touch;
import static io.tally.attribution.AttributionFixtures.uniqueDay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Identifiers;
import io.tally.events.InteractionType;

/**
 * Every kind of touch earns credit by its weight (the defaults: impression 0, email open 0.5, engagement 0.5, offline
 * contact 1, click 1, coupon redemption 0.5), through Kafka into the ledger.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class TouchKindsCreditTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void anIntegratedJourneyCreditsEachChannelByItsTouchsWeight() {
        LocalDate day = uniqueDay();
        String coupon = code();
        send(campaign("Winter", "Store coupons", Channel.RETAIL, List.of(coupon)));
        await().atMost(WAIT).until(() -> sql("SELECT count(*) FROM tracking_code WHERE code = ?1", coupon).get(0)
                .toString().equals("1"));

        Identifiers who = customer();
        send(touch(who, at(day, 1), Channel.DIRECT_MAIL, InteractionType.OFFLINE_CONTACT, null)); // 1
        send(touch(who, at(day, 2), Channel.DISPLAY, InteractionType.IMPRESSION, null)); // 0: earns nothing
        send(touch(who, at(day, 3), Channel.EMAIL, InteractionType.EMAIL_OPEN, null)); // 0.5
        send(touch(who, at(day, 4), Channel.ORGANIC_SOCIAL, InteractionType.ENGAGEMENT, null)); // 0.5
        send(touch(who, at(day, 5), Channel.PAID_SEARCH, InteractionType.CLICK, null)); // 1
        Conversion order = purchaseWithCoupon(who, at(day, 6), "70.00", coupon); // the coupon: 0.5 on retail
        send(order);

        // linear: 70.00 over weights 1 + 0.5 + 0.5 + 1 + 0.5 = 3.5, so 20.00 per unit of weight
        await().atMost(WAIT).untilAsserted(() -> {
            JsonPath byChannel = report(day.toString(), "linear", "channel");
            assertThat(revenueOf(byChannel, "direct_mail")).isEqualTo("20.00");
            assertThat(revenueOf(byChannel, "email")).isEqualTo("10.00");
            assertThat(revenueOf(byChannel, "organic_social")).isEqualTo("10.00");
            assertThat(revenueOf(byChannel, "paid_search")).isEqualTo("20.00");
            assertThat(revenueOf(byChannel, "retail")).isEqualTo("10.00");
            assertThat(revenueOf(byChannel, "display")).isNull();
        });
        // last touch: the coupon redeemed at the purchase is the last eligible touch
        assertThat(revenueOf(report(day.toString(), "last_touch", "channel"), "retail")).isEqualTo("70.00");
        assertThat(revenueOf(report(day.toString(), "first_touch", "channel"), "direct_mail")).isEqualTo("70.00");
    }
}
