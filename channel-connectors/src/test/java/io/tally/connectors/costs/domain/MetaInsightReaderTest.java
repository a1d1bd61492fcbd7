package io.tally.connectors.costs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.connectors.costs.CostFixtures;
import io.tally.events.Channel;
import io.tally.events.Money;
import io.tally.events.json.EventJson;
import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

class MetaInsightReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MetaInsightReader reader = new MetaInsightReader(
            List.of("omni_purchase", "purchase", "offsite_conversion.fb_pixel_purchase"));

    private static JsonNode row(String json) throws Exception {
        return JSON.readTree(json);
    }

    private static String withActions(String actions, String values) {
        return CostFixtures.metaRow("23851234567890123", "2026-11-01", "2026-11-01", "152.37", "EUR", "48210", "812",
                actions, values);
    }

    @Test
    void aDailyRowBecomesTheDaysCostWithPixelPurchases() throws Exception {
        Violations violations = new Violations();
        DailyCost cost = reader.read(row(CostFixtures.metaRow("23851234567890123", "2026-11-01", "152.37", "48210",
                "812", "9", "1043.10")), violations);

        assertThat(violations.list()).isEmpty();
        assertThat(cost)
                .isEqualTo(new DailyCost("meta", Channel.PAID_SOCIAL, "23851234567890123", LocalDate.of(2026, 11, 1),
                        Money.of("152.37", "EUR"), 48210L, 812L, 9L, Money.of("1043.10", "EUR")));
    }

    /** Found by the fuzzer: written out in full, 1E+1000000000 took the service's heap. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1E+1000000000", "1E-1000000000", "-1E+400"})
    void aSpendWithAnExtremeExponentIsRefusedWithoutBeingWrittenOut(String spend) throws Exception {
        Violations violations = new Violations();
        String json = CostFixtures.metaRow("23851234567890123", "2026-11-01", "152.37", "48210", "812", "9",
                "1043.10").replace("\"spend\": \"152.37\"", "\"spend\": " + spend);
        // read as the service reads bodies: decimals as BigDecimal
        assertThat(reader.read(EventJson.mapper().readTree(json), violations)).isNull();
        assertThat(violations.list()).extracting(Violation::field).containsOnly("spend");
    }

    @Test
    void onlyTheMostPreferredPurchaseTypeCountsNeverTheirSum() throws Exception {
        DailyCost cost = reader.read(row(withActions("""
                [{"action_type": "offsite_conversion.fb_pixel_purchase", "value": "9"},
                 {"action_type": "purchase", "value": "10"}]""", """
                [{"action_type": "offsite_conversion.fb_pixel_purchase", "value": "1043.10"},
                 {"action_type": "purchase", "value": "1120.00"}]""")), new Violations());

        assertThat(cost.purchases()).isEqualTo(10L);
        assertThat(cost.purchaseValue()).isEqualTo(Money.of("1120.00", "EUR"));
    }

    @Test
    void aRowWithoutPurchaseActionsHasNoPlatformPurchases() throws Exception {
        DailyCost cost = reader.read(row(withActions("[{\"action_type\": \"link_click\", \"value\": \"812\"}]", "[]")),
                new Violations());

        assertThat(cost.purchases()).isNull();
        assertThat(cost.purchaseValue()).isNull();
    }

    @Test
    void aMultiDayRowIsRejectedAsNotDaily() throws Exception {
        Violations violations = new Violations();
        DailyCost cost = reader.read(row(CostFixtures.metaRow("23851234567890123", "2026-11-01", "2026-11-07",
                "152.37", "EUR", "48210", "812", "[]", "[]")), violations);

        assertThat(cost).isNull();
        assertThat(violations.list()).extracting(Violation::field).containsExactly("date_stop");
        assertThat(violations.list().get(0).reason()).startsWith("rows must be daily (time_increment=1)");
    }

    @Test
    void everyBadFieldIsReportedByItsGraphApiName() throws Exception {
        Violations violations = new Violations();
        reader.read(row("""
                {"campaign_id": "", "date_start": "01.11.2026", "date_stop": "2026-11-01", "spend": "abc",
                 "impressions": "1.5", "clicks": "-3", "account_currency": "EURO",
                 "actions": [{"action_type": "purchase", "value": "two"}]}"""), violations);

        assertThat(violations.list()).extracting(Violation::field).containsExactly("campaign_id", "date_start",
                "account_currency", "spend", "impressions", "clicks", "actions[0].value");
    }

    @Test
    void spendWithSubCentDigitsIsRoundedToTheCurrencysMinorUnit() throws Exception {
        DailyCost cost = reader.read(row(CostFixtures.metaRow("23851234567890123", "2026-11-01", "2026-11-01",
                "1520", "JPY", "48210", "812", "[]", "[]").replace("\"1520\"", "\"1520.4\"")), new Violations());

        assertThat(cost.spend()).isEqualTo(Money.of("1520", "JPY"));
    }
}
