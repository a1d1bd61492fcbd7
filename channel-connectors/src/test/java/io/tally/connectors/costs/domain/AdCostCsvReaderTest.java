package io.tally.connectors.costs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tally.connectors.csv.ColumnMapping;
import io.tally.events.Channel;
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
        return new AdCostCsvReader(new AdPlatform("tiktok", Channel.PAID_SOCIAL, List.of("uuuu-MM-dd", "M/d/uuuu"),
                List.of()), mapping, positions, HEADER.size());
    }

    private static final List<String> GOOGLE_HEADER = List.of("Day", "Campaign ID", "Campaign", "Currency code", "Cost",
            "Impr.", "Clicks", "Conversions", "Conv. value");
    private static final Map<String, String> GOOGLE = Map.of("date", "Day", "campaignId", "Campaign ID",
            "campaignName", "Campaign", "spend", "Cost", "currency", "Currency code", "impressions", "Impr.",
            "clicks", "Clicks", "conversions", "Conversions", "conversionValue", "Conv. value");

    private static AdCostCsvReader google() {
        List<Violation> problems = new ArrayList<>();
        ColumnMapping<AdField> mapping = ColumnMapping.of(AdField.columnRules(), GOOGLE, Map.of(), problems);
        Map<AdField, Integer> positions = mapping.resolve(GOOGLE_HEADER, problems);
        assertThat(problems).isEmpty();
        return new AdCostCsvReader(new AdPlatform("google-ads", Channel.PAID_SEARCH, List.of("uuuu-MM-dd"),
                List.of("Total", "\u00a9")), mapping, positions, GOOGLE_HEADER.size());
    }

    private static List<String> googleRow(String cost, String impressions, String conversions) {
        return List.of("2026-11-01", "20871234567", "BF 2026 brand search", "EUR", cost, impressions, "812",
                conversions, "1,043.10");
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

    @Test
    void googleAdsFiguresWithThousandsSeparatorsBecomeAPaidSearchCost() {
        DailyCost cost = google().read(googleRow("1,234.56", "48,210", "12.00"), new Violations());

        assertThat(cost.channel()).isEqualTo(Channel.PAID_SEARCH);
        assertThat(cost.spend()).isEqualTo(Money.of("1234.56", "EUR"));
        assertThat(cost.impressions()).isEqualTo(48210L);
        assertThat(cost.purchases()).isEqualTo(12L);
        assertThat(cost.purchaseValue()).isEqualTo(Money.of("1043.10", "EUR"));
    }

    @Test
    void fractionalConversionsAreRoundedHalfEvenToWholePurchases() {
        assertThat(google().read(googleRow("10.00", "100", "12.50"), new Violations()).purchases()).isEqualTo(12L);
        assertThat(google().read(googleRow("10.00", "100", "13.50"), new Violations()).purchases()).isEqualTo(14L);
        assertThat(google().read(googleRow("10.00", "100", "--"), new Violations()).purchases()).isNull();
    }

    @Test
    void anAmbiguousOrMalformedNumberRejectsTheRowUnderItsColumn() {
        for (String bad : List.of("1,234", "1.234,56", "12,34", "1,23,456", "1 234.56", "1,2345.00", ",123")) {
            Violations violations = new Violations();
            assertThat(google().read(googleRow(bad, "100", "1"), violations)).as(bad).isNull();
            assertThat(violations.list()).as(bad).extracting(Violation::field).containsExactly("Cost");
        }
        Violations ambiguous = new Violations();
        google().read(googleRow("1,234", "100", "1"), ambiguous);
        assertThat(ambiguous.list().get(0).reason()).startsWith("is ambiguous");
        Violations impressions = new Violations();
        google().read(googleRow("10.00", "48,21", "1"), impressions);
        assertThat(impressions.list()).extracting(Violation::field).containsExactly("Impr.");
    }

    @Test
    void aHugeNumberIsRejectedNotOverflowed() {
        Violations spend = new Violations();
        google().read(googleRow("9".repeat(5000), "100", "1"), spend);
        Violations impressions = new Violations();
        google().read(googleRow("10.00", "9".repeat(19), "1"), impressions);

        assertThat(spend.list()).extracting(Violation::field).containsExactly("Cost");
        assertThat(impressions.list()).extracting(Violation::field).containsExactly("Impr.");
    }

    @Test
    void totalRowsAndAFooterAreSummaryRowsButADayNeverIs() {
        AdCostCsvReader reader = google();

        assertThat(reader.isSummary(List.of("Total: Account", "--", "--", "EUR", "2,544.61", "99,587", "1,716",
                "26.50", "2,330.55"))).isTrue();
        assertThat(reader.isSummary(List.of("\u00a92026 Microsoft Corporation. All rights reserved. "))).isTrue();
        assertThat(reader.isSummary(googleRow("1,234.56", "48,210", "12.00"))).isFalse();
        // a row that starts like a total but has a campaign id is a day, read (and here rejected) as one
        assertThat(reader.isSummary(List.of("Total reach", "20871234567", "x", "EUR", "1", "1", "1", "1", "1")))
                .isFalse();
        assertThat(reader().isSummary(List.of("Total: Account", "--"))).isFalse();
    }
}
