package io.tally.connectors.costs.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tally.connectors.csv.ColumnMapping;
import io.tally.events.validation.Violation;

class ColumnMappingTest {

    private static final Map<String, String> DEFAULTS = Map.of("date", "Date", "campaignId", "Campaign ID",
            "spend", "Cost", "currency", "Currency", "clicks", "Clicks");

    @Test
    void anOverrideReplacesTheConfiguredHeader() {
        List<Violation> problems = new ArrayList<>();
        ColumnMapping<AdField> mapping = ColumnMapping.of(AdField.columnRules(), DEFAULTS,
                Map.of("spend", "Amount spent"), problems);

        assertThat(problems).isEmpty();
        assertThat(mapping.header(AdField.SPEND)).isEqualTo("Amount spent");
        assertThat(mapping.header(AdField.DATE)).isEqualTo("Date");
    }

    @Test
    void anEmptyOverrideUnmapsAnOptionalFieldButNotARequiredOne() {
        List<Violation> problems = new ArrayList<>();
        ColumnMapping<AdField> mapping = ColumnMapping.of(AdField.columnRules(), DEFAULTS,
                Map.of("clicks", "", "spend", ""), problems);

        assertThat(mapping.header(AdField.CLICKS)).isNull();
        assertThat(problems).extracting(Violation::field).containsExactly("column.spend");
    }

    @Test
    void anUnknownFieldIsReported() {
        List<Violation> problems = new ArrayList<>();
        ColumnMapping.of(AdField.columnRules(), DEFAULTS, Map.of("budget", "Budget"), problems);

        assertThat(problems).extracting(Violation::field).containsExactly("column.budget");
    }

    @Test
    void eachMappedHeaderMissingFromTheFileIsNamed() {
        List<Violation> problems = new ArrayList<>();
        ColumnMapping<AdField> mapping = ColumnMapping.of(AdField.columnRules(), DEFAULTS, Map.of(), problems);

        mapping.resolve(List.of("\uFEFFdate", "Campaign ID", "Currency", "Clicks"), problems);

        assertThat(problems).containsExactly(
                new Violation("column.spend", "the column \"Cost\" is not in the file's header row"));
    }
}
