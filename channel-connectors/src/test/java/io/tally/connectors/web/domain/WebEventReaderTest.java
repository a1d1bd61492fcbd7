package io.tally.connectors.web.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.events.Money;
import io.tally.events.json.EventJson;
import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

class WebEventReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private final WebEventReader reader = new WebEventReader(Duration.ofMinutes(10));
    private final Violations violations = new Violations();

    private WebEvent read(String json) {
        try {
            JsonNode node = EventJson.mapper().readTree(json);
            return reader.read(node, NOW, violations);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String purchase(String revenue, String currency) {
        return """
                {"type": "purchase", "userId": "u1", "timestamp": "2026-11-22T11:00:00Z", "orderId": "A-1",
                 "revenue": %s, "currency": %s}""".formatted(revenue, currency);
    }

    @Test
    void readsPurchaseWithRevenueAtTheCurrencyScale() {
        WebEvent event = read(purchase("\"49.9\"", "\"EUR\""));

        assertThat(violations.list()).isEmpty();
        assertThat(event.amount()).isEqualTo(new Money(new java.math.BigDecimal("49.90"), "EUR"));
        assertThat(event.amount().amount().toPlainString()).isEqualTo("49.90");
    }

    @Test
    void readsJsonNumberRevenueExactly() {
        WebEvent event = read(purchase("0.1", "\"EUR\""));

        assertThat(event.amount().amount().toPlainString()).isEqualTo("0.10");
    }

    @Test
    void acceptsTrailingZerosBeyondTheCurrencyScale() {
        assertThat(read(purchase("\"1000\"", "\"JPY\"")).amount().amount().toPlainString()).isEqualTo("1000");
        assertThat(read(purchase("\"5.000\"", "\"JPY\"")).amount().amount().toPlainString()).isEqualTo("5");
    }

    @Test
    void rejectsRevenueThatIsNotADecimal() {
        assertThat(read(purchase("\"49,90\"", "\"EUR\""))).isNull();
        assertThat(read(purchase("true", "\"EUR\""))).isNull();

        assertThat(violations.list()).extracting(Violation::field).containsExactly("revenue", "revenue");
    }

    @Test
    void rejectsAbsurdlyLargeRevenue() {
        assertThat(read(purchase("1e30", "\"EUR\""))).isNull();
        assertThat(violations.list()).extracting(Violation::field).containsExactly("revenue");
    }

    @Test
    void reportsWrongJsonTypesOnce() {
        read("""
                {"type": 1, "anonymousId": 42, "timestamp": ["x"], "url": "https://shop.example/"}""");

        assertThat(violations.list()).extracting(Violation::field)
                .containsExactly("type", "anonymousId", "timestamp");
        assertThat(violations.list()).extracting(Violation::reason).containsOnly("must be a string");
    }

    @Test
    void acceptsTimestampWithinTheSkewAndWithAnOffset() {
        WebEvent event = read("""
                {"type": "page_view", "anonymousId": "a1", "timestamp": "2026-11-22T13:09:00+01:00",
                 "url": "https://shop.example/"}""");

        assertThat(violations.list()).isEmpty();
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-22T12:09:00Z"));
    }

    @Test
    void rejectsTimestampBeyondTheSkew() {
        read("""
                {"type": "page_view", "anonymousId": "a1", "timestamp": "2026-11-22T12:10:01Z",
                 "url": "https://shop.example/"}""");

        assertThat(violations.list()).extracting(Violation::field).containsExactly("timestamp");
    }

    @Test
    void rejectsNonHttpUrlsAndOverlongCampaignCodes() {
        read("""
                {"type": "page_view", "anonymousId": "a1", "timestamp": "2026-11-22T11:00:00Z",
                 "url": "ftp://shop.example/"}""");
        read("""
                {"type": "page_view", "anonymousId": "a1", "timestamp": "2026-11-22T11:00:00Z",
                 "url": "https://shop.example/?utm_campaign=%s"}""".formatted("c".repeat(201)));

        assertThat(violations.list()).extracting(Violation::field).containsExactly("url", "url");
    }

    @Test
    void rejectsNonObjects() {
        assertThat(read("\"page_view\"")).isNull();
        assertThat(violations.list()).containsExactly(new Violation("", "must be an event object"));
    }

    @Test
    void signUpNeedsBothAnonymousIdAndUserId() {
        assertThat(read("""
                {"type": "sign_up", "anonymousId": "a1", "timestamp": "2026-11-22T11:00:00Z"}""")).isNull();

        assertThat(violations.list()).extracting(Violation::field).containsExactly("userId");
    }

    @Test
    void signUpEmailIsKeptOnlyAsItsHash() {
        WebEvent event = read("""
                {"type": "sign_up", "anonymousId": "a1", "userId": "u1", "timestamp": "2026-11-22T11:00:00Z",
                 "properties": {"email": "  Jane.Doe@Example.COM ", "plan": "pro"}}""");

        assertThat(violations.list()).isEmpty();
        assertThat(event.emailSha256()).isEqualTo(io.tally.connectors.pipeline.IdentityKeys.emailSha256(
                "jane.doe@example.com")).hasSize(64);
        assertThat(event.toString()).doesNotContainIgnoringCase("jane.doe@example.com");
    }

    @Test
    void badPropertiesEmailIsReportedWithoutEchoingIt() {
        read("""
                {"type": "purchase", "userId": "u1", "timestamp": "2026-11-22T11:00:00Z", "orderId": "A-1",
                 "revenue": "1.00", "currency": "EUR", "properties": {"email": "jane at example"}}""");

        assertThat(violations.list()).extracting(Violation::field).containsExactly("properties.email");
        assertThat(violations.list().get(0).reason()).doesNotContain("jane");
    }

    @Test
    void propertiesMustBeAnObject() {
        read("""
                {"type": "page_view", "userId": "u1", "timestamp": "2026-11-22T11:00:00Z",
                 "url": "https://shop.example/", "properties": ["email"]}""");

        assertThat(violations.list()).extracting(Violation::field).containsExactly("properties");
    }

    @Test
    void clickNeedsItsLandingUrl() {
        read("""
                {"type": "click", "userId": "u1", "timestamp": "2026-11-22T11:00:00Z"}""");

        assertThat(violations.list()).extracting(Violation::field).containsExactly("url");
    }

    @Test
    void refundNeedsOrderAndAPositiveAmount() {
        read("""
                {"type": "refund", "userId": "u1", "timestamp": "2026-11-22T11:00:00Z", "amount": "0.00",
                 "currency": "EUR"}""");

        assertThat(violations.list()).extracting(Violation::field).containsExactly("orderId", "amount");
    }

    @Test
    void readsRefundWithItsRefundId() {
        WebEvent event = read("""
                {"type": "refund", "userId": "u1", "timestamp": "2026-11-22T11:00:00Z", "orderId": "A-1",
                 "refundId": "929361462", "amount": "12.5", "currency": "EUR"}""");

        assertThat(event.amount()).isEqualTo(Money.of("12.50", "EUR"));
        assertThat(event.refundId()).isEqualTo("929361462");
    }

    @Test
    void consentFalseIsRead() {
        WebEvent event = read("""
                {"type": "page_view", "userId": "u1", "timestamp": "2026-11-22T11:00:00Z",
                 "url": "https://shop.example/", "consent": {"analytics": false}}""");

        assertThat(event.analyticsConsent()).isFalse();
    }

    @Test
    void missingConsentFollowsTheConfiguredDefault() {
        String json = """
                {"type": "page_view", "userId": "u1", "timestamp": "2026-11-22T11:00:00Z",
                 "url": "https://shop.example/", "consent": {}}""";
        WebEventReader strict = new WebEventReader(Duration.ofMinutes(10), false, WebEventReader.COLLECT_TYPES);

        assertThat(read(json).analyticsConsent()).isTrue();
        try {
            assertThat(strict.read(EventJson.mapper().readTree(json), NOW, violations).analyticsConsent()).isFalse();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void consentMustBeABooleanInAnObject() {
        read("""
                {"type": "page_view", "userId": "u1", "timestamp": "2026-11-22T11:00:00Z",
                 "url": "https://shop.example/", "consent": {"analytics": "no"}}""");
        read("""
                {"type": "page_view", "userId": "u1", "timestamp": "2026-11-22T11:00:00Z",
                 "url": "https://shop.example/", "consent": false}""");

        assertThat(violations.list()).extracting(Violation::field).containsExactly("consent.analytics", "consent");
    }

    @Test
    void emailOpenIsNotACollectType() {
        read("""
                {"type": "email_open", "userId": "u1", "timestamp": "2026-11-22T11:00:00Z"}""");

        assertThat(violations.list()).extracting(Violation::reason)
                .containsExactly("must be one of page_view, click, sign_up, purchase, refund");
    }
}
