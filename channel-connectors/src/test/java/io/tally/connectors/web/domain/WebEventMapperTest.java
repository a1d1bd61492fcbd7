package io.tally.connectors.web.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Money;
import io.tally.events.Touchpoint;
import io.tally.events.validation.Violations;

class WebEventMapperTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:15:30Z");

    private static WebEvent pageView(String messageId, String url, String referrer) {
        return new WebEvent(WebEventType.PAGE_VIEW, messageId, "a1", null, AT, url, referrer, null, null, null);
    }

    @Test
    void pageViewIdIsStableAndDependsOnTheVisit() {
        String id = WebEventMapper.DEFAULT.toTouchpoint(pageView(null, "https://shop.example/", null)).eventId();

        assertThat(WebEventMapper.DEFAULT.toTouchpoint(pageView(null, "https://shop.example/", null)).eventId())
                .isEqualTo(id);
        assertThat(WebEventMapper.DEFAULT.toTouchpoint(pageView(null, "https://shop.example/other", null)).eventId())
                .isNotEqualTo(id);
        assertThat(WebEventMapper.DEFAULT.toTouchpoint(pageView("m-1", "https://shop.example/", null)).eventId())
                .isEqualTo("m-1");
    }

    @Test
    void documentedExampleIdIsTheRealOne() {
        WebEvent example = new WebEvent(WebEventType.PAGE_VIEW, null, "a-7f3c9e", null, AT,
                "https://shop.example/?gclid=Cj0KCQ&utm_campaign=BF-2026", "https://www.google.com/", null, null, null);

        assertThat(WebEventMapper.DEFAULT.toTouchpoint(example).eventId())
                .isEqualTo("b2b4dfd9-cb81-39f6-8427-93da0e6f63fb");
    }

    @Test
    void sourceFallsBackToTheReferrerHost() {
        Touchpoint touchpoint = WebEventMapper.DEFAULT.toTouchpoint(
                pageView(null, "https://shop.example/", "https://blog.example.org/post?id=1"));

        assertThat(touchpoint.source()).isEqualTo("blog.example.org");
        assertThat(touchpoint.medium()).isNull();
        assertThat(touchpoint.channel()).isEqualTo(Channel.REFERRAL);
    }

    @Test
    void clickIdDecidesTheChannelAndUtmCampaignTheCode() {
        Touchpoint touchpoint = WebEventMapper.DEFAULT.toTouchpoint(
                pageView(null, "https://shop.example/?fbclid=IwAR&utm_source=facebook&utm_campaign=spring", null));

        assertThat(touchpoint.channel()).isEqualTo(Channel.PAID_SOCIAL);
        assertThat(touchpoint.source()).isEqualTo("facebook");
        assertThat(touchpoint.campaignCode()).isEqualTo("spring");
        Violations violations = new Violations();
        touchpoint.validate(violations);
        assertThat(violations.list()).isEmpty();
    }

    @Test
    void purchaseBecomesOneConversionPerOrder() {
        WebEvent purchase = new WebEvent(WebEventType.PURCHASE, "ignored", "a1", "u1", AT, null, null, "A-1001",
                Money.of("49.90", "EUR"), "BF10");

        Conversion conversion = WebEventMapper.DEFAULT.toConversion(purchase);

        assertThat(conversion.eventId()).isEqualTo("order:A-1001");
        assertThat(conversion.source()).isEqualTo("web");
        assertThat(conversion.identifiers().partitionKey()).isEqualTo("userId:u1");
        assertThat(conversion.couponCode()).isEqualTo("BF10");
    }
}
