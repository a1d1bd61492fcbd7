package io.tally.connectors.web.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.tally.connectors.domain.ChannelGrouping;
import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Event;
import io.tally.events.IdentityLink;
import io.tally.events.InteractionType;
import io.tally.events.Money;
import io.tally.events.Touchpoint;
import io.tally.events.validation.Violations;

class WebEventMapperEventsTest {

    private static final Instant AT = Instant.parse("2026-11-22T10:15:30Z");
    private static final String EMAIL_HASH = IdentityKeys.emailSha256("jane@example.com");
    private final WebEventMapper mapper = WebEventMapper.DEFAULT;

    private static WebEvent touch(WebEventType type, String url) {
        return new WebEvent(type, null, "a1", "u1", AT, url, null, null, null, null);
    }

    private static WebEvent signUp() {
        return new WebEvent(WebEventType.SIGN_UP, null, "a1", "u1", AT, null, null, null, null, null, EMAIL_HASH,
                null, null, true);
    }

    private static WebEvent refund(String refundId, String messageId) {
        return new WebEvent(WebEventType.REFUND, messageId, null, "u1", AT, null, null, "A-1", Money.of("5.00", "EUR"),
                null, null, refundId, null, true);
    }

    private static void assertValid(Event event) {
        Violations violations = new Violations();
        event.validate(violations);
        assertThat(violations.list()).isEmpty();
    }

    @Test
    void clickIsAClickTouchpointWithItsOwnId() {
        Touchpoint click = mapper.toTouchpoint(touch(WebEventType.CLICK, "https://shop.example/?utm_medium=email"));
        Touchpoint view = mapper.toTouchpoint(touch(WebEventType.PAGE_VIEW, "https://shop.example/?utm_medium=email"));

        assertThat(click.interactionType()).isEqualTo(InteractionType.CLICK);
        assertThat(view.interactionType()).isEqualTo(InteractionType.VISIT);
        assertThat(click.eventId()).isNotEqualTo(view.eventId());
        assertThat(click.channel()).isEqualTo(Channel.EMAIL);
    }

    @Test
    void clickIdNamesTheSourceWhenThereIsNoUtmSource() {
        assertThat(mapper.toTouchpoint(touch(WebEventType.CLICK, "https://shop.example/?li_fat_id=abc")).source())
                .isEqualTo("linkedin");
        assertThat(mapper.toTouchpoint(touch(WebEventType.PAGE_VIEW, "https://shop.example/?wbraid=x")).channel())
                .isEqualTo(Channel.PAID_SEARCH);
        assertThat(mapper.toTouchpoint(touch(WebEventType.PAGE_VIEW,
                "https://shop.example/?ttclid=x&utm_source=tt_spring")).source()).isEqualTo("tt_spring");
    }

    @Test
    void overridesApplyToTouchpoints() {
        WebEventMapper withRules = new WebEventMapper(
                List.of(new ChannelGrouping.OverrideRule("partner-*", null, null, Channel.AFFILIATE)));

        assertThat(withRules.toTouchpoint(touch(WebEventType.PAGE_VIEW,
                "https://shop.example/?utm_source=partner-12&utm_medium=cpc")).channel()).isEqualTo(Channel.AFFILIATE);
    }

    @Test
    void signUpLinksAnonymousIdUserIdAndEmailHash() {
        List<Event> events = mapper.toEvents(signUp(), new Violations());

        assertThat(events).hasSize(1);
        IdentityLink link = (IdentityLink) events.get(0);
        assertThat(link.identifiers().asMap()).containsOnlyKeys("anonymousId", "userId", "emailSha256");
        assertThat(link.identifiers().emailSha256()).isEqualTo(EMAIL_HASH);
        assertThat(mapper.toEvents(signUp(), new Violations()).get(0).eventId()).isEqualTo(link.eventId());
        assertValid(link);
    }

    @Test
    void signUpWithoutConsentPublishesNothing() {
        assertThat(mapper.toEvents(signUp().withoutConsent(), new Violations())).isEmpty();
    }

    @Test
    void eventWithoutConsentKeepsOnlyAnOpaqueIdOfItsOwn() {
        WebEvent view = touch(WebEventType.PAGE_VIEW, "https://shop.example/").withoutConsent();
        WebEvent other = touch(WebEventType.PAGE_VIEW, "https://shop.example/other").withoutConsent();

        Touchpoint first = mapper.toTouchpoint(view);
        Touchpoint second = mapper.toTouchpoint(other);

        assertThat(first.identifiers().asMap()).containsOnlyKeys("anonymousId");
        assertThat(first.identifiers().anonymousId()).startsWith("anon-").isNotEqualTo("a1")
                .isNotEqualTo(second.identifiers().anonymousId());
        assertThat(first.identifiers().anonymousId()).isEqualTo(WebEventMapper.opaqueId(first.eventId()));
    }

    @Test
    void purchaseWithoutConsentStillCountsUnlinked() {
        WebEvent purchase = new WebEvent(WebEventType.PURCHASE, null, "a1", "u1", AT, null, null, "A-9",
                Money.of("10.00", "EUR"), null, EMAIL_HASH, null, null, false);

        Conversion conversion = mapper.toConversion(purchase);

        assertThat(conversion.eventId()).isEqualTo("order:A-9");
        assertThat(conversion.revenue()).isEqualTo(Money.of("10.00", "EUR"));
        assertThat(conversion.identifiers().asMap()).containsOnlyKeys("anonymousId");
        assertThat(conversion.identifiers().anonymousId()).isEqualTo(WebEventMapper.opaqueId("order:A-9"));
    }

    @Test
    void purchaseWithConsentCarriesTheEmailHash() {
        WebEvent purchase = new WebEvent(WebEventType.PURCHASE, null, "a1", "u1", AT, null, null, "A-9",
                Money.of("10.00", "EUR"), null, EMAIL_HASH, null, null, true);

        assertThat(mapper.toConversion(purchase).identifiers().emailSha256()).isEqualTo(EMAIL_HASH);
    }

    @Test
    void theOpenCollectorCannotRefund() {
        Violations violations = new Violations();
        assertThat(mapper.toEvents(refund(null, "m-1"), violations)).isEmpty();
        assertThat(violations.list()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("type");
            assertThat(v.reason()).contains("cannot refund").contains("verified source");
        });
    }

    @Test
    void emailOpenIsAnEmailTouchWithItsCampaign() {
        WebEvent open = new WebEvent(WebEventType.EMAIL_OPEN, null, null, "u1", AT, null, null, null, null, null,
                null, null, new UtmParameters("newsletter", null, "BF-2026", Set.of()), true);

        Touchpoint touchpoint = mapper.toEmailOpen(open);

        assertThat(touchpoint.channel()).isEqualTo(Channel.EMAIL);
        assertThat(touchpoint.interactionType()).isEqualTo(InteractionType.EMAIL_OPEN);
        assertThat(touchpoint.campaignCode()).isEqualTo("BF-2026");
        assertThat(touchpoint.medium()).isEqualTo("email");
        assertValid(touchpoint);
    }
}
