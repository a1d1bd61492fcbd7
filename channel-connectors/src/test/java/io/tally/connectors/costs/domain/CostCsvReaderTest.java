package io.tally.connectors.costs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.tally.connectors.csv.ColumnMapping;
import io.tally.events.Channel;
import io.tally.events.Money;
import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

class CostCsvReaderTest {

    private static final List<String> HEADER = List.of("date", "campaign_code", "programme_id", "channel", "amount",
            "currency", "category", "source", "id");

    private static CostCsvReader reader() {
        List<Violation> problems = new ArrayList<>();
        ColumnMapping<CostField> mapping = ColumnMapping.of(CostField.columnRules(), Map.of(), Map.of(), problems);
        Map<CostField, Integer> positions = mapping.resolve(HEADER, problems);
        assertThat(problems).isEmpty();
        return new CostCsvReader(mapping, positions, HEADER.size());
    }

    private static List<String> row(String... cells) {
        return Arrays.asList(cells);
    }

    private static List<Violation> violations(List<String> row) {
        Violations violations = new Violations();
        assertThat(reader().read(row, violations)).isNull();
        return violations.list();
    }

    @Test
    void aCampaignsCostOnAChannel() {
        CostLine line = reader().read(row("2026-11-01", "BF-2026", "", "email", "420.00", "eur", "media", "", ""),
                new Violations());

        assertThat(line.channel()).isEqualTo(Channel.EMAIL);
        assertThat(line.amount()).isEqualTo(Money.of("420.00", "EUR"));
        assertThat(line.source()).isEqualTo("generic");
        assertThat(line.id()).isNull();
    }

    @Test
    void aSharedCostOfAProgrammeHasNoChannel() {
        CostLine line = reader().read(row("2026-11-01", "", "6f1c2a9e-4b7d-4c3e-9a51-2d8e0f7b1c34", "", "8000", "EUR",
                "agency", "Finance", "INV-9"), new Violations());

        assertThat(line.channel()).isNull();
        assertThat(line.campaignCode()).isNull();
        assertThat(line.programmeId()).isEqualTo(UUID.fromString("6f1c2a9e-4b7d-4c3e-9a51-2d8e0f7b1c34"));
        assertThat(line.amount()).isEqualTo(Money.of("8000.00", "EUR"));
        assertThat(line.source()).isEqualTo("finance");
    }

    @Test
    void missingTrailingCellsAreEmpty() {
        assertThat(reader().read(row("2026-11-01", "BF-2026", "", "email", "1.00", "EUR"), new Violations()))
                .isNotNull();
    }

    @Test
    void everyBadCellIsNamedByItsColumn() {
        assertThat(violations(row("2026-13-01", "", "not-a-uuid", "billboard", "-1", "EURO", "x".repeat(51),
                "fin ance", "i".repeat(101)))).extracting(Violation::field).containsExactly("date", "programme_id",
                        "channel", "currency", "amount", "category", "source", "id");
    }

    @Test
    void aLineNeedsACampaignCodeOrAProgramme() {
        assertThat(violations(row("2026-11-01", "", "", "email", "1.00", "EUR", "", "", "")))
                .containsExactly(new Violation("campaign_code",
                        "is required unless programme_id names the programme the cost belongs to"));
    }

    @Test
    void anAmountHasAtMostTheCurrencysMinorDigits() {
        assertThat(violations(row("2026-11-01", "BF-2026", "", "", "1.005", "EUR", "", "", "")))
                .containsExactly(new Violation("amount", "has more decimals than EUR allows (2)"));
        assertThat(violations(row("2026-11-01", "BF-2026", "", "", "1.5", "JPY", "", "", "")))
                .extracting(Violation::field).containsExactly("amount");
        assertThat(violations(row("2026-11-01", "BF-2026", "", "", "1,250.00", "EUR", "", "", "")))
                .extracting(Violation::field).containsExactly("amount");
    }

    @Test
    void hostileCellsAreRejectedNotPassedOn() {
        assertThat(violations(row("2026-11-01", "BF\u00002026", "", "", "1.00", "EUR", "", "", "")))
                .extracting(Violation::field).containsExactly("campaign_code");
        assertThat(violations(row("2026-11-01", "BF-2026", "", "", "9".repeat(100_000), "EUR", "", "", "")))
                .extracting(Violation::field).containsExactly("amount");
        assertThat(violations(row("2026-11-01", "BF-2026", "", "", "9".repeat(16), "EUR", "", "", "")))
                .extracting(Violation::field).containsExactly("amount");
        assertThat(violations(row("2026-11-01", "BF-2026", "", "", "1.00", "EUR", "", "", "", "extra")))
                .extracting(Violation::field).containsExactly("");
    }
}
