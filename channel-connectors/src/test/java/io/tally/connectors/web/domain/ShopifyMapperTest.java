package io.tally.connectors.web.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.tally.connectors.ShopifyFixtures;
import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.events.Conversion;
import io.tally.events.ConversionAdjustment;
import io.tally.events.Event;
import io.tally.events.Money;
import io.tally.events.json.EventJson;
import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

class ShopifyMapperTest {

    private final Violations violations = new Violations();

    private List<Event> map(ShopifyTopic topic, String json) {
        try {
            return ShopifyMapper.toEvents(new ShopifyWebhook(topic, "wh-1", EventJson.mapper().readTree(json)),
                    violations);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void orderBecomesConversionKeyedByTheShopifyOrderId() {
        Conversion conversion = (Conversion) map(ShopifyTopic.ORDERS_CREATE,
                ShopifyFixtures.order(5512086503581L, 7029384756123L, "Jane.Doe@example.com")).get(0);

        assertThat(violations.list()).isEmpty();
        assertThat(conversion.eventId()).isEqualTo("order:5512086503581");
        assertThat(conversion.revenue()).isEqualTo(Money.of("59.80", "EUR"));
        assertThat(conversion.identifiers().customerId()).isEqualTo("7029384756123");
        assertThat(conversion.identifiers().emailSha256()).isEqualTo(IdentityKeys.emailSha256("jane.doe@example.com"));
        assertThat(conversion.couponCode()).isEqualTo("BF10");
        assertThat(conversion.occurredAt()).hasToString("2026-11-22T10:21:02Z");
        assertThat(conversion.toString()).doesNotContainIgnoringCase("jane.doe@example.com");
    }

    @Test
    void currentTotalPriceWinsAndTotalPriceIsTheFallback() {
        String edited = """
                {"id": 1, "created_at": "2026-11-22T05:21:02-05:00", "currency": "USD", "total_price": "80.00",
                 "current_total_price": "65.00", "email": "a@example.com"}""";
        String original = """
                {"id": 2, "created_at": "2026-11-22T05:21:02-05:00", "currency": "USD", "total_price": "80.00",
                 "email": "a@example.com"}""";

        assertThat(((Conversion) map(ShopifyTopic.ORDERS_CREATE, edited).get(0)).revenue())
                .isEqualTo(Money.of("65.00", "USD"));
        assertThat(((Conversion) map(ShopifyTopic.ORDERS_CREATE, original).get(0)).revenue())
                .isEqualTo(Money.of("80.00", "USD"));
    }

    @Test
    void customerEmailIsUsedWhenTheOrderHasNone() {
        Conversion conversion = (Conversion) map(ShopifyTopic.ORDERS_CREATE, """
                {"id": 3, "created_at": "2026-11-22T05:21:02-05:00", "currency": "EUR", "total_price": "1.00",
                 "email": null, "customer": {"id": 44, "email": "b@example.com"}}""").get(0);

        assertThat(conversion.identifiers().emailSha256()).isEqualTo(IdentityKeys.emailSha256("b@example.com"));
    }

    @Test
    void guestOrderWithoutIdentifiersStillCountsUnlinked() {
        Conversion conversion = (Conversion) map(ShopifyTopic.ORDERS_CREATE, """
                {"id": 4, "created_at": "2026-11-22T05:21:02-05:00", "currency": "JPY", "total_price": "1200",
                 "email": "", "customer": null, "discount_codes": []}""").get(0);

        assertThat(conversion.identifiers().asMap()).containsOnlyKeys("anonymousId");
        assertThat(conversion.identifiers().anonymousId()).isEqualTo(WebEventMapper.opaqueId("order:4"));
        assertThat(conversion.couponCode()).isNull();
        assertThat(conversion.revenue()).isEqualTo(Money.of("1200", "JPY"));
    }

    @Test
    void orderWithoutIdOrTimeReportsEveryField() {
        map(ShopifyTopic.ORDERS_CREATE, """
                {"created_at": "yesterday", "currency": "EUR", "total_price": "-1.00"}""");

        assertThat(violations.list()).extracting(Violation::field)
                .containsExactly("id", "created_at", "total_price");
    }

    @Test
    void refundSumsItsSuccessfulRefundTransactions() {
        ConversionAdjustment adjustment = (ConversionAdjustment) map(ShopifyTopic.REFUNDS_CREATE,
                ShopifyFixtures.refund(929361462L, 5512086503581L, "30.00", "24.9")).get(0);

        assertThat(adjustment.eventId()).isEqualTo("refund:929361462");
        assertThat(adjustment.orderId()).isEqualTo("5512086503581");
        assertThat(adjustment.kind()).isEqualTo(ConversionAdjustment.Kind.REFUND);
        assertThat(adjustment.amount()).isEqualTo(Money.of("54.90", "EUR"));
        assertThat(adjustment.occurredAt()).hasToString("2026-11-25T14:02:11Z");
    }

    @Test
    void refundTransactionsOfOtherKindsAreLeftOut() {
        ConversionAdjustment adjustment = (ConversionAdjustment) map(ShopifyTopic.REFUNDS_CREATE, """
                {"id": 5, "order_id": 6, "created_at": "2026-11-25T09:02:11-05:00", "transactions": [
                  {"kind": "refund", "status": "success", "amount": "10.00", "currency": "GBP"},
                  {"kind": "sale", "status": "success", "amount": "99.00", "currency": "GBP"}]}""").get(0);

        assertThat(adjustment.amount()).isEqualTo(Money.of("10.00", "GBP"));
    }

    @Test
    void restockOnlyRefundIsValidAndPublishesNothing() {
        List<Event> events = map(ShopifyTopic.REFUNDS_CREATE, """
                {"id": 7, "order_id": 8, "created_at": "2026-11-25T09:02:11-05:00", "restock": true,
                 "transactions": [], "refund_line_items": [{"id": 1, "quantity": 1}]}""");

        assertThat(violations.list()).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void refundInTwoCurrenciesIsRejected() {
        map(ShopifyTopic.REFUNDS_CREATE, """
                {"id": 9, "order_id": 10, "created_at": "2026-11-25T09:02:11-05:00", "transactions": [
                  {"kind": "refund", "status": "success", "amount": "10.00", "currency": "EUR"},
                  {"kind": "refund", "status": "success", "amount": "1.00", "currency": "USD"}]}""");

        assertThat(violations.list()).extracting(Violation::field).containsExactly("transactions");
    }
}
