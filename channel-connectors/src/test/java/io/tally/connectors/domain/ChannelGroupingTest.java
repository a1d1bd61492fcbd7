package io.tally.connectors.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.tally.events.Channel;

class ChannelGroupingTest {

    private static final String LANDING = "shop.example";

    private static Channel utm(String source, String medium) {
        return ChannelGrouping.channelOf(new TrafficSource(source, medium, Set.of(), null, LANDING));
    }

    private static Channel referred(String referrerHost) {
        return ChannelGrouping.channelOf(TrafficSource.referred(referrerHost, LANDING));
    }

    @Test
    void googleAndMicrosoftClickIdsArePaidSearchWhateverTheMedium() {
        assertThat(ChannelGrouping.channelOf(new TrafficSource("newsletter", "email", Set.of("gclid"), null, LANDING)))
                .isEqualTo(Channel.PAID_SEARCH);
        assertThat(ChannelGrouping.channelOf(new TrafficSource(null, null, Set.of("msclkid"), "facebook.com", LANDING)))
                .isEqualTo(Channel.PAID_SEARCH);
    }

    private static Channel fbclid(String source, String medium) {
        return ChannelGrouping.channelOf(new TrafficSource(source, medium, Set.of("fbclid"), null, LANDING));
    }

    @ParameterizedTest(name = "fbclid with medium {0} -> paid_social")
    @CsvSource({"cpc", "ppc", "paid", "paid_social", "PaidSocial"})
    void facebookClickIdWithAPaidMediumIsPaidSocial(String medium) {
        assertThat(fbclid(null, medium)).isEqualTo(Channel.PAID_SOCIAL);
    }

    @Test
    void facebookClickIdAloneIsOrganicSocial() {
        // Meta adds fbclid to organic links and shares too: without a medium it is not an ad click
        assertThat(fbclid(null, null)).isEqualTo(Channel.ORGANIC_SOCIAL);
        assertThat(fbclid("facebook", null)).isEqualTo(Channel.ORGANIC_SOCIAL);
        assertThat(ChannelGrouping.channelOf(new TrafficSource(null, null, Set.of("fbclid"), "l.facebook.com",
                LANDING))).isEqualTo(Channel.ORGANIC_SOCIAL);
    }

    @Test
    void facebookClickIdWithAnotherMediumTakesThatMediumsChannel() {
        assertThat(fbclid(null, "social")).isEqualTo(Channel.ORGANIC_SOCIAL);
        assertThat(fbclid("newsletter", "email")).isEqualTo(Channel.EMAIL);
        assertThat(fbclid("podcast", "audio")).isEqualTo(Channel.OTHER);
    }

    @Test
    void tikTokAndLinkedInClickIdsArePaidSocialWhateverTheMedium() {
        assertThat(ChannelGrouping.channelOf(new TrafficSource(null, "social", Set.of("ttclid"), null, LANDING)))
                .isEqualTo(Channel.PAID_SOCIAL);
        assertThat(ChannelGrouping.channelOf(new TrafficSource(null, null, Set.of("li_fat_id"), null, LANDING)))
                .isEqualTo(Channel.PAID_SOCIAL);
        assertThat(ChannelGrouping.channelOf(new TrafficSource(null, null, Set.of("fbclid", "ttclid"), null,
                LANDING))).isEqualTo(Channel.PAID_SOCIAL);
    }

    @Test
    void searchClickIdWinsOverFacebookClickId() {
        assertThat(ChannelGrouping.channelOf(new TrafficSource(null, null, Set.of("fbclid", "gclid"), null, LANDING)))
                .isEqualTo(Channel.PAID_SEARCH);
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource({
            "facebook, cpc, PAID_SOCIAL",
            "Instagram, CPC, PAID_SOCIAL",
            "linkedin, paid, PAID_SOCIAL",
            "tiktok, ppc, PAID_SOCIAL",
            "x, cpc, PAID_SOCIAL",
            "twitter, cpc, PAID_SOCIAL",
            "m.facebook.com, cpc, PAID_SOCIAL",
            "google, cpc, PAID_SEARCH",
            "bing, ppc, PAID_SEARCH",
            ", paidsearch, PAID_SEARCH",
            "facebook, paid_search, PAID_SEARCH",
            "google, paid, OTHER",
            "facebook, paid_social, PAID_SOCIAL",
            "meta, paidsocial, PAID_SOCIAL",
            "facebook, social, ORGANIC_SOCIAL",
            ", social-network, ORGANIC_SOCIAL",
            ", social-media, ORGANIC_SOCIAL",
            ", sm, ORGANIC_SOCIAL",
            ", organic_social, ORGANIC_SOCIAL",
            "newsletter, email, EMAIL",
            ", E-Mail, EMAIL",
            ", newsletter, EMAIL",
            ", display, DISPLAY",
            ", banner, DISPLAY",
            ", cpm, DISPLAY",
            ", affiliate, AFFILIATE",
            ", referral, REFERRAL",
            ", offline, OFFLINE",
            ", print, DIRECT_MAIL",
            "mailer, QR, DIRECT_MAIL",
            ", sms, PHONE",
            ", events, EVENTS",
            ", in_store, RETAIL",
            "podcast, audio, OTHER",
    })
    void mediumDecidesTheChannel(String source, String medium, Channel expected) {
        assertThat(utm(source, medium)).isEqualTo(expected);
    }

    @Test
    void mediumWinsOverTheReferrer() {
        assertThat(ChannelGrouping.channelOf(new TrafficSource(null, "email", Set.of(), "www.google.com", LANDING)))
                .isEqualTo(Channel.EMAIL);
    }

    @ParameterizedTest
    @CsvSource({"www.google.com", "google.co.uk", "www.bing.com", "duckduckgo.com", "search.yahoo.co.jp",
            "www.baidu.com", "yandex.ru", "www.ecosia.org"})
    void searchEngineReferrerIsOrganicSearch(String referrer) {
        assertThat(referred(referrer)).isEqualTo(Channel.ORGANIC_SEARCH);
    }

    @ParameterizedTest
    @CsvSource({"l.facebook.com", "www.instagram.com", "t.co", "x.com", "twitter.com", "www.linkedin.com",
            "lnkd.in", "www.tiktok.com", "de.pinterest.com", "old.reddit.com", "m.youtube.com"})
    void socialNetworkReferrerIsOrganicSocial(String referrer) {
        assertThat(referred(referrer)).isEqualTo(Channel.ORGANIC_SOCIAL);
    }

    @ParameterizedTest
    @CsvSource({"blog.example.org", "notgoogle.com", "googleusercontent", "myx.com", "partner.co"})
    void otherExternalReferrerIsReferral(String referrer) {
        assertThat(referred(referrer)).isEqualTo(Channel.REFERRAL);
    }

    @Test
    void referrerFromTheSameSiteIsDirect() {
        assertThat(referred("shop.example")).isEqualTo(Channel.DIRECT);
        assertThat(referred("WWW.Shop.Example")).isEqualTo(Channel.DIRECT);
    }

    @Test
    void aConfiguredInternalHostAndItsSubdomainsAreTheSiteItself() {
        List<String> internal = List.of("checkout.example");
        assertThat(ChannelGrouping.channelOf(TrafficSource.referred("checkout.example", LANDING), List.of(),
                internal)).isEqualTo(Channel.DIRECT);
        assertThat(ChannelGrouping.channelOf(TrafficSource.referred("pay.checkout.example", LANDING), List.of(),
                internal)).isEqualTo(Channel.DIRECT);
        assertThat(ChannelGrouping.channelOf(TrafficSource.referred("notcheckout.example", LANDING), List.of(),
                internal)).isEqualTo(Channel.REFERRAL);
        assertThat(referred("checkout.example")).isEqualTo(Channel.REFERRAL);
    }

    @Test
    void internalNavigationIsAReferrerFromTheSiteWithoutCampaignParameters() {
        List<String> internal = List.of("checkout.example");
        assertThat(ChannelGrouping.isInternal(TrafficSource.referred("www.shop.example", LANDING), null, List.of()))
                .isTrue();
        assertThat(ChannelGrouping.isInternal(TrafficSource.referred("checkout.example", LANDING), null, internal))
                .isTrue();
        assertThat(ChannelGrouping.isInternal(TrafficSource.referred("blog.example.org", LANDING), null, internal))
                .isFalse();
        assertThat(ChannelGrouping.isInternal(TrafficSource.referred(null, LANDING), null, internal)).isFalse();
        assertThat(ChannelGrouping.isInternal(TrafficSource.referred("shop.example", LANDING), "spring", internal))
                .isFalse();
        assertThat(ChannelGrouping.isInternal(new TrafficSource("newsletter", null, Set.of(), "shop.example",
                LANDING), null, internal)).isFalse();
        assertThat(ChannelGrouping.isInternal(new TrafficSource(null, null, Set.of("gclid"), "shop.example",
                LANDING), null, internal)).isFalse();
    }

    @Test
    void noMediumAndNoReferrerIsDirect() {
        assertThat(referred(null)).isEqualTo(Channel.DIRECT);
        assertThat(utm("newsletter", null)).isEqualTo(Channel.DIRECT);
        assertThat(utm(null, "  ")).isEqualTo(Channel.DIRECT);
    }

    @ParameterizedTest(name = "{0} -> {1} via {2}")
    @CsvSource({
            "gclid, PAID_SEARCH, google",
            "gbraid, PAID_SEARCH, google",
            "wbraid, PAID_SEARCH, google",
            "msclkid, PAID_SEARCH, microsoft",
            "fbclid, EMAIL, meta",
            "ttclid, PAID_SOCIAL, tiktok",
            "li_fat_id, PAID_SOCIAL, linkedin"})
    void everyClickIdNamesItsNetworkAndChannel(String clickId, Channel channel, String network) {
        assertThat(ChannelGrouping.channelOf(new TrafficSource(null, "email", Set.of(clickId), null, LANDING)))
                .isEqualTo(channel);
        assertThat(ChannelGrouping.networkOf(Set.of(clickId))).contains(network);
    }

    @Test
    void noClickIdHasNoNetwork() {
        assertThat(ChannelGrouping.networkOf(Set.of())).isEmpty();
    }

    @Test
    void searchClickIdWinsOverSocialClickIds() {
        assertThat(ChannelGrouping.networkOf(Set.of("ttclid", "wbraid", "li_fat_id"))).contains("google");
        assertThat(ChannelGrouping.networkOf(Set.of("li_fat_id", "ttclid"))).contains("tiktok");
    }

    private static ChannelGrouping.OverrideRule rule(String source, String medium, String host, Channel channel) {
        return new ChannelGrouping.OverrideRule(source, medium, host, channel);
    }

    @Test
    void matchingOverrideWinsOverTheDefaultRules() {
        var rules = List.of(rule("awin*", null, null, Channel.AFFILIATE));
        TrafficSource visit = new TrafficSource("AWIN-DE", "cpc", Set.of("gclid"), null, LANDING);

        assertThat(ChannelGrouping.channelOf(visit, rules)).isEqualTo(Channel.AFFILIATE);
        assertThat(ChannelGrouping.channelOf(visit, List.of())).isEqualTo(Channel.PAID_SEARCH);
    }

    @Test
    void firstMatchingOverrideWins() {
        var rules = List.of(rule(null, "cpc", null, Channel.DISPLAY), rule("google", "cpc", null, Channel.OTHER));

        assertThat(ChannelGrouping.channelOf(new TrafficSource("google", "cpc", Set.of(), null, LANDING), rules))
                .isEqualTo(Channel.DISPLAY);
    }

    @Test
    void everySetPatternOfAnOverrideMustMatch() {
        var rules = List.of(rule("partner", "cpc", null, Channel.AFFILIATE));

        assertThat(ChannelGrouping.channelOf(new TrafficSource("partner", "email", Set.of(), null, LANDING), rules))
                .isEqualTo(Channel.EMAIL);
        assertThat(ChannelGrouping.channelOf(new TrafficSource("Partner", "CPC", Set.of(), null, LANDING), rules))
                .isEqualTo(Channel.AFFILIATE);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "*.partner.example, shop.partner.example, true",
            "*.partner.example, partner.example, false",
            "*partner.example, partner.example, true",
            "deals.*, deals.example.org, true",
            "deals.*, mydeals.example.org, false",
            "DEALS.EXAMPLE.ORG, deals.example.org, true",
            "deals.example.org, deals.example.org.evil, false",
            "a*b*c, a-bbb-c, true",
            "news(1).example, news(1).example, true"})
    void referrerHostPatternsAreWholeValueWildcards(String pattern, String host, boolean matches) {
        var rules = List.of(rule(null, null, pattern, Channel.AFFILIATE));

        assertThat(ChannelGrouping.channelOf(TrafficSource.referred(host, LANDING), rules) == Channel.AFFILIATE)
                .isEqualTo(matches);
    }

    @Test
    void missingValueIsMatchedOnlyByStar() {
        var star = List.of(rule("*", "email", null, Channel.OTHER));
        var named = List.of(rule("newsletter", "email", null, Channel.OTHER));
        TrafficSource noSource = new TrafficSource(null, "email", Set.of(), null, LANDING);

        assertThat(ChannelGrouping.channelOf(noSource, star)).isEqualTo(Channel.OTHER);
        assertThat(ChannelGrouping.channelOf(noSource, named)).isEqualTo(Channel.EMAIL);
    }

    @Test
    void overrideWithoutAnyPatternIsRefused() {
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> rule(" ", null, null, Channel.OTHER))
                .withMessageContaining("at least one of source, medium and referrer-host");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> rule("x", null, null, null));
    }
}
