package io.tally.connectors.offline.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tally.connectors.pipeline.IdentityKeys;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Event;
import io.tally.events.InteractionType;
import io.tally.events.Money;
import io.tally.events.Touchpoint;
import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

class OfflineRowMapperTest {

    static final String[] POS = "Order,When,Total,Cur,Loyalty,Email,Phone,Coupon".split(",");
    static final String[] CALLS = "type,occurred_at,customer_id,phone,code".split(",");

    static OfflineRowMapper pos() {
        List<Violation> bad = new ArrayList<>();
        Columns columns = Columns.of(ImportKind.CONVERSIONS,
                ImportKind.CONVERSIONS.columnMapping(Map.of("orderId", "Order", "occurredAt", "When",
                        "amount", "Total", "currency", "Cur", "loyaltyId", "Loyalty", "email", "Email", "phone",
                        "Phone",
                        "couponCode", "Coupon"), bad),
                POS, bad);
        assertThat(bad).isEmpty();
        return new OfflineRowMapper(columns, OfflineChannels.standard());
    }

    static OfflineRowMapper calls() {
        List<Violation> bad = new ArrayList<>();
        Columns columns = Columns.of(ImportKind.TOUCHPOINTS, ImportKind.TOUCHPOINTS.columnMapping(Map.of(), bad), CALLS,
                bad);
        assertThat(bad).isEmpty();
        return new OfflineRowMapper(columns, OfflineChannels.standard());
    }

    static CsvRow row(String line) {
        return new CsvRow(1, line.split(",", -1));
    }

    static List<Violation> violations(OfflineRowMapper mapper, String line) {
        Violations v = new Violations();
        assertThat(mapper.map(row(line), v)).isEmpty();
        return v.list();
    }

    @Test
    void saleBecomesPosConversionWithOrderIdAsEventIdAndHashedIdentifiers() {
        Violations v = new Violations();
        List<Event> events = pos().map(row("T-1, 2026-11-22 10:02:11 ,49.9,eur,L-7, Anna@Example.com ,+49 30 123,BF10"),
                v);

        assertThat(v.list()).isEmpty();
        Conversion c = (Conversion) events.get(0);
        assertThat(c.eventId()).isEqualTo("order:T-1");
        assertThat(c.occurredAt()).isEqualTo(Instant.parse("2026-11-22T10:02:11Z"));
        assertThat(c.revenue()).isEqualTo(Money.of("49.90", "EUR"));
        assertThat(c.source()).isEqualTo("pos");
        assertThat(c.couponCode()).isEqualTo("BF10");
        assertThat(c.identifiers().loyaltyId()).isEqualTo("L-7");
        assertThat(c.identifiers().emailSha256()).isEqualTo(IdentityKeys.emailSha256("anna@example.com"));
        assertThat(c.identifiers().phoneSha256()).isEqualTo(IdentityKeys.phoneSha256("+49 30 123"));
    }

    @Test
    void zeroDecimalCurrencyKeepsWholeAmounts() {
        Violations v = new Violations();
        Conversion c = (Conversion) pos().map(row("T-2,2026-11-22T10:00:00Z,1250,JPY,L-7,,,"), v).get(0);
        assertThat(c.revenue()).isEqualTo(Money.of("1250", "JPY"));
    }

    @Test
    void badCellsAreReportedUnderTheirHeaderAsInTheFile() {
        assertThat(violations(pos(), "T-3,yesterday,1.00,EUR,L-7,,,")).extracting(Violation::field)
                .containsExactly("When");
        assertThat(violations(pos(), "T-3,2026-11-22 10:00:00,-0.01,EUR,L-7,,,"))
                .containsExactly(new Violation("Total", "must not be negative"));
        assertThat(violations(pos(), "T-3,2026-11-22 10:00:00,1.00,XYZ,L-7,,,"))
                .containsExactly(new Violation("Cur", "is not an ISO 4217 currency code: XYZ"));
        assertThat(violations(pos(), "T-3,2026-11-22 10:00:00,1.005,EUR,L-7,,,"))
                .containsExactly(new Violation("Total", "has more decimals than EUR allows (2)"));
        assertThat(violations(pos(), "T-3,2026-11-22 10:00:00,\"1,00\",EUR,L-7,,,")).extracting(Violation::field)
                .contains("Total");
        assertThat(violations(pos(), "T-3,2026-11-22 10:00:00,1.00,EUR,,,,"))
                .containsExactly(new Violation("identifiers", "at least one of Loyalty, Email, Phone is required"));
        assertThat(violations(pos(), "T-3,2026-11-22 10:00:00,1.00,EUR,,not-an-address,,"))
                .containsExactly(new Violation("Email", "is not an e-mail address"));
        assertThat(violations(pos(), ",2026-11-22 10:00:00,,EUR,L-1,,,"))
                .containsExactly(new Violation("Order", "is required"), new Violation("Total", "is required"));
    }

    @Test
    void trailingZerosBeyondTheMinorUnitsAreAccepted() {
        Violations v = new Violations();
        Conversion c = (Conversion) pos().map(row("T-4,2026-11-22T10:00:00Z,12.500,EUR,L-7,,,"), v).get(0);
        assertThat(c.revenue()).isEqualTo(Money.of("12.50", "EUR"));
    }

    @Test
    void extraNonBlankCellsRejectTheRowButEmptyTrailingCellsDoNot() {
        assertThat(violations(pos(), "T-5,2026-11-22T10:00:00Z,1.00,EUR,L-7,,,,surprise"))
                .containsExactly(new Violation("", "has 9 cells, the header row has 8"));
        Violations v = new Violations();
        assertThat(pos().map(row("T-5,2026-11-22T10:00:00Z,1.00,EUR,L-7,,,,,"), v)).hasSize(1);
        assertThat(pos().map(row("T-5,2026-11-22T10:00:00Z,1.00,EUR,L-7"), v)).hasSize(1);
        assertThat(v.list()).isEmpty();
    }

    @Test
    void callBecomesOfflineContactWithTypeAsSourceAndCodeAsCampaign() {
        Violations v = new Violations();
        Touchpoint t = (Touchpoint) calls().map(row("Store Visit,2026-11-20 09:14:03,C-1,,SPRING-26"), v).get(0);

        assertThat(t.channel()).isEqualTo(Channel.RETAIL);
        assertThat(t.interactionType()).isEqualTo(InteractionType.OFFLINE_CONTACT);
        assertThat(t.source()).isEqualTo("store_visit");
        assertThat(t.medium()).isEqualTo("offline");
        assertThat(t.campaignCode()).isEqualTo("SPRING-26");
        assertThat(t.identifiers().customerId()).isEqualTo("C-1");
        assertThat(t.eventId()).startsWith("offline:");
    }

    @Test
    void touchpointIdIsStableForTheSameRowAndDiffersWhenAnyKeyPartDiffers() {
        Violations v = new Violations();
        String id = calls().map(row("call,2026-11-20 09:14:03,C-1,,X"), v).get(0).eventId();

        assertThat(calls().map(row(" call ,2026-11-20T09:14:03Z,C-1,,X"), v).get(0).eventId()).isEqualTo(id);
        assertThat(calls().map(row("event,2026-11-20 09:14:03,C-1,,X"), v).get(0).eventId()).isNotEqualTo(id);
        assertThat(calls().map(row("call,2026-11-20 09:14:04,C-1,,X"), v).get(0).eventId()).isNotEqualTo(id);
        assertThat(calls().map(row("call,2026-11-20 09:14:03,C-2,,X"), v).get(0).eventId()).isNotEqualTo(id);
        assertThat(calls().map(row("call,2026-11-20 09:14:03,C-1,,Y"), v).get(0).eventId()).isNotEqualTo(id);
        assertThat(calls().map(row("call,2026-11-20 09:14:03,C-1,+4930123,X"), v).get(0).eventId()).isNotEqualTo(id);
    }

    @Test
    void aPhoneWithoutDigitsIsRejected() {
        assertThat(violations(calls(), "call,2026-11-20 09:14:03,,n/a,X"))
                .containsExactly(new Violation("phone", "is not a phone number"));
    }
}
