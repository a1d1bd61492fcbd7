package io.tally.attribution.journeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.tally.attribution.journeys.WebSessions.Hit;
import io.tally.attribution.journeys.WebSessions.Rules;

class WebSessionsTest {

    private static final Instant T0 = Instant.parse("2031-03-01T10:00:00Z");
    private static final String SHOP = "https://shop.example/";

    private static Instant at(int minutes, int seconds) {
        return T0.plusSeconds(minutes * 60L + seconds);
    }

    /** A paid-search landing of campaign {@code code}, with gclid {@code gclid} (or none). */
    private static Hit ad(Instant at, String code, String gclid) {
        String url = SHOP + "?utm_source=google&utm_medium=cpc&utm_campaign=" + code
                + (gclid == null ? "" : "&gclid=" + gclid);
        return new Hit(at, "visit", "paid_search", "google", "cpc", code, url);
    }

    private static Hit direct(Instant at) {
        return new Hit(at, "visit", "direct", null, null, null, SHOP);
    }

    private static Hit referred(Instant at, String channel, String host) {
        return new Hit(at, "visit", channel, host, null, null, SHOP + "article");
    }

    private static Hit internal(Instant at) {
        return new Hit(at, "page_view", "direct", "shop.example", null, null, SHOP + "cart");
    }

    /** Which of the hits are touches, fed in order to one session tracker. */
    private static List<Boolean> touches(Rules rules, Hit... hits) {
        WebSessions sessions = new WebSessions(rules);
        return java.util.Arrays.stream(hits).map(sessions::isTouch).toList();
    }

    private static List<Boolean> touches(Hit... hits) {
        return touches(Rules.DEFAULT, hits);
    }

    @Test
    void theFirstPageViewStartsASession() {
        assertThat(touches(direct(at(0, 0)))).containsExactly(true);
        assertThat(touches(ad(at(0, 0), "bf", null))).containsExactly(true);
    }

    @Test
    void exactlyThirtyMinutesOfInactivityContinues() {
        assertThat(touches(direct(at(0, 0)), direct(at(30, 0)))).containsExactly(true, false);
    }

    @Test
    void thirtyMinutesAndOneSecondStartsANewSession() {
        assertThat(touches(direct(at(0, 0)), direct(at(30, 1)))).containsExactly(true, true);
    }

    @Test
    void inactivityIsMeasuredFromTheLastPageViewNotTheEntry() {
        // 0:00 entry, 0:25 and 0:50 continue (each 25 min after the previous), 1:21 is 31 min after 0:50
        assertThat(touches(direct(at(0, 0)), direct(at(25, 0)), direct(at(50, 0)), direct(at(81, 0))))
                .containsExactly(true, false, false, true);
    }

    @Test
    void aNewUtmCampaignInsideTheWindowStartsANewSession() {
        assertThat(touches(ad(at(0, 0), "spring", null), ad(at(5, 0), "summer", null))).containsExactly(true, true);
    }

    @Test
    void reloadingTheSameCampaignContinues() {
        assertThat(touches(ad(at(0, 0), "spring", null), ad(at(5, 0), "spring", null))).containsExactly(true,
                false);
    }

    @Test
    void aNewClickIdValueStartsANewSession() {
        assertThat(touches(ad(at(0, 0), "spring", "G1"), ad(at(5, 0), "spring", "G1"), ad(at(9, 0), "spring",
                "G2"))).containsExactly(true, false, true);
    }

    @Test
    void aNewExternalReferrerStartsANewSession() {
        assertThat(touches(referred(at(0, 0), "organic_search", "www.google.com"),
                referred(at(5, 0), "organic_search", "www.google.com"),
                referred(at(9, 0), "referral", "blog.example.org"))).containsExactly(true, false, true);
    }

    @Test
    void anExternalReferrerAfterACampaignEntryStartsANewSession() {
        assertThat(touches(ad(at(0, 0), "spring", null), referred(at(5, 0), "organic_social", "l.facebook.com")))
                .containsExactly(true, true);
    }

    @Test
    void aDirectVisitInsideTheWindowContinuesAnySession() {
        assertThat(touches(ad(at(0, 0), "spring", null), direct(at(10, 0)), direct(at(20, 0)))).containsExactly(true,
                false, false);
        assertThat(touches(referred(at(0, 0), "referral", "blog.example.org"), direct(at(29, 0))))
                .containsExactly(true, false);
    }

    @Test
    void anInternalPageViewIsNeverATouchAndKeepsTheSessionAlive() {
        // the landing at 0:00; internal navigation at 0:20, 0:45, 1:10; the direct visit at 1:35 is 25 min after the
        // last page view (105 min after the landing), so it continues the session
        assertThat(touches(ad(at(0, 0), "spring", null), internal(at(20, 0)), internal(at(45, 0)),
                internal(at(70, 0)), direct(at(95, 0)))).containsExactly(true, false, false, false, false);
    }

    @Test
    void theFirstPageViewBeingInternalIsStillNoTouch() {
        assertThat(touches(internal(at(0, 0)))).containsExactly(false);
    }

    @Test
    void anInternalPageViewAfterTheWindowReopensASessionSilently() {
        // 0:00 landing; 1:00 internal (60 min gap): a new session but no touch; 1:10 direct continues it (no touch);
        // 1:15 the same campaign again: the silent session has no entry campaign, so it starts a session
        assertThat(touches(ad(at(0, 0), "spring", null), internal(at(60, 0)), direct(at(70, 0)),
                ad(at(75, 0), "spring", null))).containsExactly(true, false, false, true);
    }

    @Test
    void otherTouchesPassUnchangedAndDoNotTouchTheSession() {
        Hit click = new Hit(at(1, 0), "click", "email", "newsletter", "email", "nl", SHOP);
        Hit open = new Hit(at(2, 0), "email_open", "email", null, "email", "nl", null);
        Hit contact = new Hit(at(50, 0), "offline_contact", "phone", "call", "offline", null, null);
        // the click, open and call neither start nor extend the session: 0:00 → 0:31 is still 31 minutes
        assertThat(touches(direct(at(0, 0)), click, open, contact, direct(at(31, 0)))).containsExactly(true, true,
                true, true, true);
    }

    @Test
    void campaignSwitchOffLetsANewCampaignContinue() {
        Rules rules = new Rules(Duration.ofMinutes(30), false, true);
        assertThat(touches(rules, ad(at(0, 0), "spring", null), ad(at(5, 0), "summer", "G2"))).containsExactly(true,
                false);
        assertThat(touches(rules, ad(at(0, 0), "spring", null), ad(at(31, 0), "spring", null)))
                .containsExactly(true, true);
    }

    @Test
    void referrerSwitchOffLetsANewReferrerContinue() {
        Rules rules = new Rules(Duration.ofMinutes(30), true, false);
        assertThat(touches(rules, referred(at(0, 0), "organic_search", "www.google.com"),
                referred(at(5, 0), "referral", "blog.example.org"))).containsExactly(true, false);
        assertThat(touches(rules, referred(at(0, 0), "referral", "blog.example.org"), ad(at(5, 0), "spring", null)))
                .containsExactly(true, true);
    }

    @Test
    void aShorterWindowIsHonoured() {
        Rules rules = new Rules(Duration.ofMinutes(10), true, true);
        assertThat(touches(rules, direct(at(0, 0)), direct(at(10, 0)), direct(at(20, 1)))).containsExactly(true,
                false, true);
    }

    @Test
    void resetForgetsTheOpenSession() {
        WebSessions sessions = new WebSessions(Rules.DEFAULT);
        assertThat(sessions.isTouch(direct(at(0, 0)))).isTrue();
        sessions.reset();
        assertThat(sessions.isTouch(direct(at(1, 0)))).isTrue();
    }

    @Test
    void theWindowMustBePositive() {
        assertThatThrownBy(() -> new Rules(Duration.ZERO, true, true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tally.attribution.sessions.inactivity must be positive");
        assertThatThrownBy(() -> new Rules(Duration.ofMinutes(-1), true, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pageViewsAreReadOnlyWhereVisitsAreEligible() {
        assertThat(WebSessions.withPageViews(List.of("click", "visit"))).containsExactly("click", "visit",
                "page_view");
        assertThat(WebSessions.withPageViews(List.of("click"))).containsExactly("click");
    }
}
