package io.tally.connectors.costs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.events.Money;
import io.tally.events.json.EventJson;
import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

class CostJsonReaderTest {

    private static JsonNode json(String text) throws Exception {
        return EventJson.mapper().readTree(text);
    }

    @Test
    void anExactJsonNumberIsReadAsTheAmount() throws Exception {
        CostLine line = CostJsonReader.read(json("""
                {"date": "2026-11-01", "campaignCode": "BF-2026", "amount": 420.5, "currency": "EUR"}"""),
                new Violations());

        assertThat(line.amount()).isEqualTo(Money.of("420.50", "EUR"));
    }

    @Test
    void everyBadFieldIsNamedOnceByItsJsonName() throws Exception {
        Violations violations = new Violations();
        CostLine line = CostJsonReader.read(json("""
                {"date": 20261101, "campaignCode": 7, "channel": "billboard", "amount": "1.001",
                 "currency": "EUR", "category": ["media"]}"""), violations);

        assertThat(line).isNull();
        assertThat(violations.list()).extracting(Violation::field)
                .containsExactly("date", "campaignCode", "category", "channel", "amount");
    }

    @Test
    void aHugeNumberIsRefusedInItsShortForm() throws Exception {
        Violations violations = new Violations();
        CostJsonReader.read(json("""
                {"date": "2026-11-01", "campaignCode": "BF-2026", "amount": 1e999999999, "currency": "EUR"}"""),
                violations);

        assertThat(violations.list()).extracting(Violation::field).containsExactly("amount");
        assertThat(violations.list().get(0).reason()).contains("1E+999999999");
    }

    @Test
    void aLineMustBeAnObject() throws Exception {
        Violations violations = new Violations();
        assertThat(CostJsonReader.read(json("\"2026-11-01\""), violations)).isNull();
        assertThat(violations.list()).containsExactly(new Violation("", "must be a cost line object"));
    }
}
