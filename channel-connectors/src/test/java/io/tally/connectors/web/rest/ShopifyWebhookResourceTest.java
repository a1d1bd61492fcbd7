package io.tally.connectors.web.rest;

import static io.tally.connectors.CollectFixtures.purchase;
import static io.tally.connectors.CollectFixtures.uniqueId;
import static io.tally.connectors.ShopifyFixtures.order;
import static io.tally.connectors.ShopifyFixtures.refund;
import static io.tally.connectors.ShopifyFixtures.sign;
import static io.tally.connectors.ShopifyFixtures.uniqueOrderId;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tally.connectors.TopicProbe;
import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.devstack.DevstackResource;
import io.tally.events.Conversion;
import io.tally.events.ConversionAdjustment;
import io.tally.events.Money;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;

@QuarkusTest
@WithTestResource(DevstackResource.class)
class ShopifyWebhookResourceTest {

    private static final String PATH = "/api/v1/webhooks/shopify";

    @Inject
    MeterRegistry registry;

    private TopicProbe conversions;
    private TopicProbe adjustments;

    @BeforeEach
    void openProbes() {
        conversions = TopicProbe.of(Topics.CONVERSIONS);
        adjustments = TopicProbe.of(Topics.CONVERSION_ADJUSTMENTS);
    }

    @AfterEach
    void closeProbes() {
        conversions.close();
        adjustments.close();
    }

    private static RequestSpecification webhook(String topic, String body, String hmac) {
        RequestSpecification request = given().contentType(ContentType.JSON).body(body)
                .header("X-Shopify-Topic", topic)
                .header("X-Shopify-Webhook-Id", uniqueId("wh"))
                .header("X-Shopify-Shop-Domain", "tally-test.myshopify.com");
        return hmac == null ? request : request.header("X-Shopify-Hmac-Sha256", hmac);
    }

    private double signatureRejections() {
        var counter = registry.find("tally.connectors.events.rejected").tag("source", "web.shopify")
                .tag("reason", "signature").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void signedOrderBecomesConversionWithHashedEmailAndNoRawEmail() throws Exception {
        long orderId = uniqueOrderId();
        long customerId = uniqueOrderId();
        String email = uniqueId("jane.doe") + "@Example.com";
        String body = order(orderId, customerId, email);

        webhook("orders/create", body, sign(body)).when().post(PATH)
                .then().statusCode(202)
                .body("ignored", equalTo(false))
                .body("eventIds", contains("order:" + orderId));

        ConsumerRecord<String, byte[]> record = conversions.awaitMentioning("order:" + orderId, 1).get(0);
        Conversion conversion = EventJson.read(record.value(), Conversion.class);
        assertThat(conversion.orderId()).isEqualTo(Long.toString(orderId));
        assertThat(conversion.revenue()).isEqualTo(Money.of("59.80", "EUR"));
        assertThat(conversion.source()).isEqualTo("shopify");
        assertThat(conversion.couponCode()).isEqualTo("BF10");
        assertThat(conversion.occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:21:02Z"));
        assertThat(conversion.identifiers().customerId()).isEqualTo(Long.toString(customerId));
        assertThat(conversion.identifiers().emailSha256()).isEqualTo(IdentityKeys.emailSha256(email));
        assertThat(record.key()).isEqualTo("customerId:" + customerId);
        String value = TopicProbe.value(record).toLowerCase();
        assertThat(value).doesNotContain(email.toLowerCase()).doesNotContain("jane.doe-");
    }

    @Test
    void wrongSecretIsRefusedAndNothingIsPublished() {
        long orderId = uniqueOrderId();
        String body = order(orderId, uniqueOrderId(), uniqueId("a") + "@example.com");
        double before = signatureRejections();

        webhook("orders/create", body, sign(body, "some-other-shop-secret")).when().post(PATH)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));

        assertThat(signatureRejections()).isEqualTo(before + 1);
        conversions.assertNothingMentioning("order:" + orderId, Duration.ofSeconds(2));
    }

    @Test
    void tamperedBodyIsRefusedAndNothingIsPublished() {
        long orderId = uniqueOrderId();
        String body = order(orderId, uniqueOrderId(), uniqueId("a") + "@example.com");
        String tampered = body.replace("\"current_total_price\": \"59.80\"", "\"current_total_price\": \"0.01\"");
        assertThat(tampered).isNotEqualTo(body);

        webhook("orders/create", tampered, sign(body)).when().post(PATH)
                .then().statusCode(401).contentType("application/problem+json");

        conversions.assertNothingMentioning("order:" + orderId, Duration.ofSeconds(2));
    }

    @Test
    void missingSignatureHeaderIsRefusedAndNothingIsPublished() {
        long orderId = uniqueOrderId();
        String body = order(orderId, uniqueOrderId(), uniqueId("a") + "@example.com");
        double before = signatureRejections();

        webhook("orders/create", body, null).when().post(PATH)
                .then().statusCode(401)
                .body("detail", equalTo("the X-Shopify-Hmac-Sha256 header is missing"));

        assertThat(signatureRejections()).isEqualTo(before + 1);
        conversions.assertNothingMentioning("order:" + orderId, Duration.ofSeconds(2));
    }

    @Test
    void theSameWebhookDeliveredTwiceIsOneConversion() {
        long orderId = uniqueOrderId();
        String body = order(orderId, uniqueOrderId(), uniqueId("a") + "@example.com");

        webhook("orders/create", body, sign(body)).when().post(PATH).then().statusCode(202)
                .body("deduplicated", equalTo(0));
        webhook("orders/create", body, sign(body)).when().post(PATH).then().statusCode(202)
                .body("deduplicated", equalTo(1))
                .body("eventIds", contains("order:" + orderId));

        conversions.awaitMentioning("order:" + orderId, 1);
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(7))
                .until(() -> conversions.mentioning("order:" + orderId).size() == 1);
    }

    @Test
    void beaconPurchaseAndShopifyOrderWithTheSameIdAreOneConversion() {
        long orderId = uniqueOrderId();
        String anonymousId = uniqueId("a");
        given().contentType(ContentType.JSON).body(purchase(anonymousId, Long.toString(orderId), "59.80", "EUR"))
                .when().post("/api/v1/collect").then().statusCode(202);
        String body = order(orderId, uniqueOrderId(), uniqueId("a") + "@example.com");

        webhook("orders/create", body, sign(body)).when().post(PATH).then().statusCode(202)
                .body("deduplicated", equalTo(1));

        Conversion conversion = EventJson.read(conversions.awaitMentioning("order:" + orderId, 1).get(0).value(),
                Conversion.class);
        assertThat(conversion.source()).isEqualTo("web");
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(7))
                .until(() -> conversions.mentioning("order:" + orderId).size() == 1);
    }

    @Test
    void refundBecomesAdjustmentOfTheSummedSuccessfulRefundTransactions() {
        long orderId = uniqueOrderId();
        long refundId = uniqueOrderId();
        String body = refund(refundId, orderId, "30.00", "24.90");

        webhook("refunds/create", body, sign(body)).when().post(PATH).then().statusCode(202)
                .body("eventIds", contains("refund:" + refundId));

        ConsumerRecord<String, byte[]> record = adjustments.awaitMentioning("refund:" + refundId, 1).get(0);
        ConversionAdjustment adjustment = EventJson.read(record.value(), ConversionAdjustment.class);
        assertThat(record.key()).isEqualTo(Long.toString(orderId));
        assertThat(adjustment.kind()).isEqualTo(ConversionAdjustment.Kind.REFUND);
        assertThat(adjustment.orderId()).isEqualTo(Long.toString(orderId));
        assertThat(adjustment.amount()).isEqualTo(Money.of("54.90", "EUR"));
        assertThat(adjustment.occurredAt()).isEqualTo(Instant.parse("2026-11-25T14:02:11Z"));
    }

    @Test
    void topicTallyDoesNotReadIsAcknowledgedAndIgnored() {
        String body = """
                {"id": %d, "title": "Trail shoe", "handle": "trail-shoe", "status": "active"}"""
                .formatted(uniqueOrderId());

        webhook("products/update", body, sign(body)).when().post(PATH)
                .then().statusCode(202)
                .body("ignored", equalTo(true))
                .body("eventIds.size()", equalTo(0))
                .body("note", equalTo("topic products/update is not read by Tally"));
    }

    @Test
    void signedOrderWithBadFieldsIsAnsweredWithEveryFieldAndNotPublished() {
        long orderId = uniqueOrderId();
        String body = order(orderId, uniqueOrderId(), "not-an-address")
                .replace("\"currency\": \"EUR\", \"current_subtotal_price\"",
                        "\"currency\": \"EURO\", \"current_subtotal_price\"");

        webhook("orders/create", body, sign(body)).when().post(PATH)
                .then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("currency", "email", "customer.email"));

        conversions.assertNothingMentioning("order:" + orderId, Duration.ofSeconds(2));
    }
}
