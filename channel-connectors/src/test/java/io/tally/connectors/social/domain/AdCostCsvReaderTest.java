package io.tally.connectors.social.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tally.connectors.csv.ColumnMapping;
import io.tally.events.Money;
import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

class AdCostCsvReaderTest {

    private static final List<String> HEADER = List.of("Campaign name", "Campaign ID", "Date", "Currency", "Cost",
            "Impressions", "Clicks", "Conversions");
    private static final Map<String, String> TIKTOK = Map.of("date", "Date", "campaignId", "Campaign ID",
            "campaignName", "Campaign name", "spend", "Cost", "currency", "Currency", "impressions", "Impressions",
            "clicks", "Clicks", "conversions", "Conversions");

    private static AdCostCsvReader reader() {
        List<Violation> problems = new ArrayList<>();
        ColumnMapping<AdField> mapping = ColumnMapping.of(AdField.columnRules(), TIKTOK, Map.of(), problems);
        Map<AdField, Integer> positions = mapping.resolve(HEADER, problems);
        assertThat(problems).isEmpty();
        return new AdCostCsvReader("tiktok", mapping, positions, HEADER.size(), List.of("uuuu-MM-dd", "M/d/uuuu"));
    }

    private static List<String> row(String date, String cost, String impressions, String conversions) {
        return List.of("BF 2026 spark ads", "1781234567890123", date, "EUR", cost, impressions, "402", conversions);
    }

    @Test
    void isoAndUsSlashDatesAreBothAccepted() {
        assertThat(reader().read(row("2026-11-01", "64.20", "35120", "5"), new Violations()).date())
                .isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(reader().read(row("11/01/2026", "64.20", "35120", "5"), new Violations()).date())
                .isEqualTo(LocalDate.of(2026, 11, 1));
        assertThat(reader().read(row("11/1/2026", "64.20", "35120", "5"), new Violations()).date())
                .isEqualTo(LocalDate.of(2026, 11, 1));
    }

    @Test
    void anImpossibleOrEuropeanDateIsRejected() {
        Violations violations = new Violations();
        assertThat(reader().read(row("31/10/2026", "64.20", "35120", "5"), violations)).isNull();
        assertThat(violations.list()).extracting(Violation::field).containsExactly("Date");
    }

    @Test
    void thousandsSeparatorsAndADashAreRead() {
        DailyCost cost = reader().read(row("2026-11-01", "1,064.20", "35,120", "-"), new Violations());

        assertThat(cost.spend()).isEqualTo(Money.of("1064.20", "EUR"));
        assertThat(cost.impressions()).isEqualTo(35120L);
        assertThat(cost.purchases()).isNull();
    }

    @Test
    void conversionsBecomePlatformPurchases() {
        assertThat(reader().read(row("2026-11-01", "64.20", "35120", "5"), new Violations()).purchases())
                .isEqualTo(5L);
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRejectedAsAWhole() {
        Violations violations = new Violations();
        assertThat(reader().read(List.of("BF 2026 spark ads", "1781234567890123"), violations)).isNull();
        assertThat(violations.list()).containsExactly(new Violation("", "the row has 2 cells, the header row 8"));
    }

    @Test
    void negativeAndNonNumericSpendAreRejectedUnderTheirColumn() {
        Violations negative = new Violations();
        reader().read(row("2026-11-01", "-1.00", "35120", "5"), negative);
        Violations text = new Violations();
        reader().read(row("2026-11-01", "€64.20", "35120", "5"), text);

        assertThat(negative.list()).containsExactly(new Violation("Cost", "must not be negative"));
        assertThat(text.list()).extracting(Violation::field).containsExactly("Cost");
    }
}
