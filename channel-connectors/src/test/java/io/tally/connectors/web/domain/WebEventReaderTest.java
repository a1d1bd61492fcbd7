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
        assertThat(event.revenue()).isEqualTo(new Money(new java.math.BigDecimal("49.90"), "EUR"));
        assertThat(event.revenue().amount().toPlainString()).isEqualTo("49.90");
    }

    @Test
    void readsJsonNumberRevenueExactly() {
        WebEvent event = read(purchase("0.1", "\"EUR\""));

        assertThat(event.revenue().amount().toPlainString()).isEqualTo("0.10");
    }

    @Test
    void acceptsTrailingZerosBeyondTheCurrencyScale() {
        assertThat(read(purchase("\"1000\"", "\"JPY\"")).revenue().amount().toPlainString()).isEqualTo("1000");
        assertThat(read(purchase("\"5.000\"", "\"JPY\"")).revenue().amount().toPlainString()).isEqualTo("5");
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
}
