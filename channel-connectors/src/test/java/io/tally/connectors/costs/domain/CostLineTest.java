package io.tally.connectors.costs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tally.events.Channel;
import io.tally.events.Cost;
import io.tally.events.Money;

class CostLineTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 1);
    private static final UUID PROGRAMME = UUID.fromString("6f1c2a9e-4b7d-4c3e-9a51-2d8e0f7b1c34");

    private static CostLine email(String amount, String id) {
        return new CostLine(DAY, "BF-2026", null, Channel.EMAIL, Money.of(amount, "EUR"), "media", "finance", id);
    }

    @Test
    void aLineWithAnIdIsThatLineAndItsFiguresMakeTheEventId() {
        Cost cost = email("420.00", "INV-7").toCost();

        assertThat(cost.lineId()).isEqualTo("generic:finance:INV-7");
        assertThat(cost.eventId()).matches("cost:generic:finance:INV-7:[0-9a-f]{16}");
        assertThat(email("420.00", "INV-7").toCost().eventId()).isEqualTo(cost.eventId());
        assertThat(email("420.50", "INV-7").toCost().eventId()).isNotEqualTo(cost.eventId());
        assertThat(email("420.50", "INV-7").toCost().line()).isEqualTo(cost.line());
    }

    @Test
    void aLineWithoutAnIdIsItsDayOwnerChannelAndCategory() {
        Cost cost = email("420.00", null).toCost();

        assertThat(cost.lineId()).isEqualTo("generic:finance:2026-11-01:bf-2026:email:media");
        assertThat(cost.eventId()).matches("cost:generic:[0-9a-f-]{36}");
        assertThat(email("420.00", null).toCost().eventId()).isEqualTo(cost.eventId());
        Cost corrected = email("380.00", null).toCost();
        assertThat(corrected.eventId()).isNotEqualTo(cost.eventId());
        assertThat(corrected.line()).isEqualTo(cost.line());
    }

    @Test
    void aSharedProgrammeCostIsKeyedByTheProgramme() {
        Cost cost = new CostLine(DAY, null, PROGRAMME, null, Money.of("8000.00", "EUR"), null, "generic", null)
                .toCost();

        assertThat(cost.lineId()).isEqualTo("generic:generic:2026-11-01:" + PROGRAMME + ":-:-");
        assertThat(cost.channel()).isNull();
        assertThat(cost.key()).isEqualTo(PROGRAMME.toString());
    }

    @Test
    void theCodeAndCategoryOfALineMatchWhateverTheirCase() {
        CostLine upper = new CostLine(DAY, " BF-2026", null, Channel.EMAIL, Money.of("1.00", "EUR"), "Media",
                "finance", null);

        assertThat(upper.toCost().line()).isEqualTo(email("1.00", null).toCost().line());
    }

    @Test
    void aVeryLongLineIsNamedByItsDigestWithinTheContractsLimit() {
        CostLine line = new CostLine(DAY, "c".repeat(200), null, Channel.DIRECT_MAIL, Money.of("1.00", "EUR"),
                "k".repeat(50), "s".repeat(50), null);

        assertThat(line.toCost().lineId()).matches("generic:s{50}:[0-9a-f-]{36}");
        assertThat(line.toCost().lineId().length()).isLessThanOrEqualTo(CostLine.MAX_LINE);
    }
}
