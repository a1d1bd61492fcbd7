package io.tally.attribution.intake;

import static io.tally.attribution.AttributionFixtures.customer;
import static io.tally.attribution.AttributionFixtures.rollupMismatches;
import static io.tally.attribution.AttributionFixtures.sql;
import static io.tally.attribution.AttributionFixtures.visit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.DevstackResource;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.ConversionAdjustment;
import io.tally.events.Identifiers;
import io.tally.events.IdentityLink;
import io.tally.events.Money;
import io.tally.events.Trust;
import io.tally.events.validation.InvalidEventException;

/**
 * Source trust on the real ledger: a verified statement of an order (a signed webhook, an authenticated import)
 * replaces what the open collector said, never the other way round; the open collector cannot refund; its identity
 * links are bounded.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class SourceTrustTest {

    private static final Instant AT = Instant.parse("2026-09-14T12:00:00Z");

    @Inject
    IntakeService intake;

    @Test
    void aVerifiedAmountReplacesTheBeaconsAndTheBeaconCannotChangeItBack() {
        Identifiers who = customer();
        intake.recordTouchpoint(visit(who, AT.minusSeconds(3600), Channel.EMAIL, null));
        String order = "o-" + UUID.randomUUID();
        assertThat(intake.recordConversion(order(order, who, "10.00", "EUR", Trust.UNVERIFIED))).isTrue();
        assertThat(linearCredit(order)).isEqualTo(Map.of("EUR", 1000L));

        assertThat(intake.recordConversion(order(order, who, "12.34", "EUR", Trust.VERIFIED))).isTrue();
        assertThat(linearCredit(order)).isEqualTo(Map.of("EUR", 1234L));
        assertThat(journal(order)).isEqualTo(Map.of("EUR", 1234L));

        // the beacon again, and a forged lower amount: nothing changes; the webhook again: nothing either
        assertThat(intake.recordConversion(order(order, who, "0.01", "EUR", Trust.UNVERIFIED))).isFalse();
        assertThat(intake.recordConversion(order(order, who, "12.34", "EUR", Trust.VERIFIED))).isFalse();
        assertThat(linearCredit(order)).isEqualTo(Map.of("EUR", 1234L));
        assertThat(journal(order)).isEqualTo(Map.of("EUR", 1234L));
        assertThat(rollupMismatches()).isZero();
    }

    @Test
    void theFirstVerifiedStatementStandsAgainstALaterBeacon() {
        Identifiers who = customer();
        String order = "o-" + UUID.randomUUID();
        intake.recordConversion(order(order, who, "50.00", "EUR", Trust.VERIFIED));
        assertThat(intake.recordConversion(order(order, who, "1.00", "EUR", Trust.UNVERIFIED))).isFalse();
        assertThat(linearCredit(order)).isEqualTo(Map.of("EUR", 5000L));
    }

    @Test
    void aVerifiedStatementInAnotherCurrencyReversesTheBeaconsBooking() {
        Identifiers who = customer();
        intake.recordTouchpoint(visit(who, AT.minusSeconds(60), Channel.PAID_SEARCH, null));
        String order = "o-" + UUID.randomUUID();
        intake.recordConversion(order(order, who, "99999", "JPY", Trust.UNVERIFIED));
        intake.recordConversion(order(order, who, "20.00", "USD", Trust.VERIFIED));
        assertThat(linearCredit(order)).isEqualTo(Map.of("JPY", 0L, "USD", 2000L));
        assertThat(journal(order)).isEqualTo(Map.of("JPY", 0L, "USD", 2000L));
        assertThat(rollupMismatches()).isZero();
    }

    @Test
    void anUnverifiedRefundIsRefusedAndTheRevenueStands() {
        Identifiers who = customer();
        String order = "o-" + UUID.randomUUID();
        intake.recordConversion(order(order, who, "30.00", "EUR", Trust.VERIFIED));
        ConversionAdjustment forged = new ConversionAdjustment("refund-" + UUID.randomUUID(), order, AT,
                ConversionAdjustment.Kind.REFUND, Money.of("30.00", "EUR"), null, Trust.UNVERIFIED);
        assertThatThrownBy(() -> intake.recordAdjustment(forged)).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("trust");
        ConversionAdjustment unlabelled = new ConversionAdjustment("refund-" + UUID.randomUUID(), order, AT,
                ConversionAdjustment.Kind.CANCELLATION, Money.of("30.00", "EUR"), null, null);
        assertThatThrownBy(() -> intake.recordAdjustment(unlabelled)).isInstanceOf(InvalidEventException.class);
        assertThat(linearCredit(order)).isEqualTo(Map.of("EUR", 3000L));
    }

    @Test
    void anUnverifiedLinkJoinsAVisitorToACustomerButNeverTwoCustomers() {
        String anonymous = "anon-" + UUID.randomUUID();
        String alice = "alice-" + UUID.randomUUID();
        String bob = "bob-" + UUID.randomUUID();
        intake.recordIdentityLink(link(new Identifiers(null, alice, null, null, null, "crm-" + alice), Trust.VERIFIED));
        intake.recordIdentityLink(link(new Identifiers(null, bob, null, null, null, "crm-" + bob), Trust.VERIFIED));

        // a sign-up on the site: the anonymous visitor becomes alice
        intake.recordIdentityLink(link(new Identifiers(anonymous, alice, null, null, null, null), Trust.UNVERIFIED));
        assertThat(profileOf("anonymousId:" + anonymous)).isEqualTo(profileOf("userId:" + alice));

        // forged: alice's and bob's profiles joined, or bob's user id given to alice's profile
        long refusedBefore = refusals();
        assertThat(intake.recordIdentityLink(link(new Identifiers(null, alice, null, null, null, "crm-" + bob),
                Trust.UNVERIFIED))).isFalse();
        assertThat(intake.recordIdentityLink(link(new Identifiers(anonymous, bob, null, null, null, null),
                Trust.UNVERIFIED))).isFalse();
        assertThat(profileOf("userId:" + alice)).isNotEqualTo(profileOf("userId:" + bob));
        assertThat(profileOf("anonymousId:" + anonymous)).isEqualTo(profileOf("userId:" + alice));
        assertThat(refusals() - refusedBefore).isEqualTo(2);

        // the same join from a verified source (a CRM import) is made
        assertThat(intake.recordIdentityLink(link(new Identifiers(null, alice, null, null, null, "crm-" + bob),
                Trust.VERIFIED))).isTrue();
        assertThat(profileOf("userId:" + alice)).isEqualTo(profileOf("userId:" + bob));
    }

    @Test
    void unverifiedLinksGiveOneCustomerAtMostTheConfiguredNumberOfAnonymousIds() {
        String carol = "carol-" + UUID.randomUUID();
        long refusedBefore = refusals();
        for (int i = 0; i < 55; i++) {
            intake.recordIdentityLink(link(new Identifiers(carol + "-device-" + i, carol, null, null, null, null),
                    Trust.UNVERIFIED));
        }
        // the default bound is 50: the first 50 devices join carol, the other 5 are refused and recorded
        assertThat(refusals() - refusedBefore).isEqualTo(5);
        assertThat(((Number) sql("SELECT count(*) FROM identity WHERE profile_id = (SELECT profile_id FROM identity"
                + " WHERE identifier = ?1) AND identifier LIKE 'anonymousId:%'", "userId:" + carol).get(0))
                .longValue()).isEqualTo(50);
    }

    private static Conversion order(String orderId, Identifiers who, String amount, String currency, Trust trust) {
        return new Conversion("order:" + orderId, orderId, AT, Money.of(amount, currency), who, null,
                trust == Trust.VERIFIED ? "shopify" : "web", trust);
    }

    private static IdentityLink link(Identifiers ids, Trust trust) {
        return new IdentityLink("link-" + UUID.randomUUID(), AT, ids, "test", trust);
    }

    private static Map<String, Long> linearCredit(String orderId) {
        return sums("SELECT currency, sum(amount_minor) FROM credit WHERE model = 'linear'"
                + " AND conversion_event_id = ?1 GROUP BY currency", "order:" + orderId);
    }

    private static Map<String, Long> journal(String orderId) {
        return sums("SELECT currency, sum(amount_minor) FROM revenue_entry WHERE conversion_event_id = ?1"
                + " GROUP BY currency", "order:" + orderId);
    }

    private static Map<String, Long> sums(String query, String eventId) {
        Map<String, Long> sums = new TreeMap<>();
        for (Object row : sql(query, eventId)) {
            Object[] cells = (Object[]) row;
            sums.put(((String) cells[0]).trim(), ((Number) cells[1]).longValue());
        }
        return sums;
    }

    private static long profileOf(String identifier) {
        List<Object> rows = sql("SELECT profile_id FROM identity WHERE identifier = ?1", identifier);
        return ((Number) rows.get(0)).longValue();
    }

    private static long refusals() {
        return ((Number) sql("SELECT count(*) + 0 * length(?1) FROM identity_refusal", "x").get(0)).longValue();
    }
}
