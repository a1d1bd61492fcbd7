package io.tally.connectors.web.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.InteractionType;
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
    void facebookClickIdWithoutAPaidMediumIsOrganicSocial() {
        Touchpoint touchpoint = WebEventMapper.DEFAULT.toTouchpoint(
                pageView(null, "https://shop.example/?fbclid=IwAR&utm_source=facebook&utm_campaign=spring", null));

        assertThat(touchpoint.channel()).isEqualTo(Channel.ORGANIC_SOCIAL);
        assertThat(touchpoint.interactionType()).isEqualTo(InteractionType.VISIT);
        assertThat(touchpoint.source()).isEqualTo("facebook");
        assertThat(touchpoint.campaignCode()).isEqualTo("spring");
    }

    @Test
    void facebookClickIdWithAPaidMediumIsPaidSocialAndUtmCampaignTheCode() {
        Touchpoint touchpoint = WebEventMapper.DEFAULT.toTouchpoint(pageView(null,
                "https://shop.example/?fbclid=IwAR&utm_source=facebook&utm_medium=paid_social&utm_campaign=spring",
                null));

        assertThat(touchpoint.channel()).isEqualTo(Channel.PAID_SOCIAL);
        assertThat(touchpoint.interactionType()).isEqualTo(InteractionType.VISIT);
        assertThat(touchpoint.source()).isEqualTo("facebook");
        assertThat(touchpoint.campaignCode()).isEqualTo("spring");
        Violations violations = new Violations();
        touchpoint.validate(violations);
        assertThat(violations.list()).isEmpty();
    }

    @Test
    void aPageViewFromTheSiteItselfIsInternalNavigation() {
        Touchpoint touchpoint = WebEventMapper.DEFAULT.toTouchpoint(
                pageView(null, "https://shop.example/cart", "https://www.shop.example/product/7"));

        assertThat(touchpoint.interactionType()).isEqualTo(InteractionType.PAGE_VIEW);
        assertThat(touchpoint.channel()).isEqualTo(Channel.DIRECT);
        assertThat(touchpoint.source()).isEqualTo("www.shop.example");
    }

    @Test
    void aPageViewFromAConfiguredInternalHostIsInternalNavigation() {
        WebEventMapper mapper = new WebEventMapper(List.of(), List.of("checkout.example"));

        assertThat(mapper.toTouchpoint(pageView(null, "https://shop.example/thanks", "https://pay.checkout.example/"))
                .interactionType()).isEqualTo(InteractionType.PAGE_VIEW);
        // without the setting the checkout domain is an external referrer: a visit on referral
        Touchpoint unset = WebEventMapper.DEFAULT.toTouchpoint(
                pageView(null, "https://shop.example/thanks", "https://pay.checkout.example/"));
        assertThat(unset.interactionType()).isEqualTo(InteractionType.VISIT);
        assertThat(unset.channel()).isEqualTo(Channel.REFERRAL);
    }

    @Test
    void campaignParametersOrAClickIdMakeASameSitePageViewAVisit() {
        Touchpoint utm = WebEventMapper.DEFAULT.toTouchpoint(pageView(null,
                "https://shop.example/?utm_source=banner&utm_medium=display&utm_campaign=bf", "https://shop.example/"));
        assertThat(utm.interactionType()).isEqualTo(InteractionType.VISIT);
        assertThat(utm.channel()).isEqualTo(Channel.DISPLAY);
        Touchpoint clickId = WebEventMapper.DEFAULT.toTouchpoint(
                pageView(null, "https://shop.example/?gclid=G1", "https://shop.example/"));
        assertThat(clickId.interactionType()).isEqualTo(InteractionType.VISIT);
        assertThat(clickId.channel()).isEqualTo(Channel.PAID_SEARCH);
    }

    @Test
    void aPageViewWithoutReferrerOrParametersIsADirectVisit() {
        Touchpoint touchpoint = WebEventMapper.DEFAULT.toTouchpoint(pageView(null, "https://shop.example/", null));

        assertThat(touchpoint.interactionType()).isEqualTo(InteractionType.VISIT);
        assertThat(touchpoint.channel()).isEqualTo(Channel.DIRECT);
    }

    @Test
    void aClickFromTheSiteStaysAClick() {
        WebEvent click = new WebEvent(WebEventType.CLICK, null, "a1", null, AT, "https://shop.example/offer",
                "https://shop.example/", null, null, null);

        assertThat(WebEventMapper.DEFAULT.toTouchpoint(click).interactionType()).isEqualTo(InteractionType.CLICK);
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
