package io.tally.connectors.offline.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tally.connectors.csv.ColumnMapping;
import io.tally.events.validation.Violation;

class ColumnMappingTest {

    private final List<Violation> violations = new ArrayList<>();

    /** The kind's mapping with {@code overrides}, resolved against {@code header}; problems go to violations. */
    private Columns resolve(ImportKind kind, Map<String, String> overrides, String... header) {
        return Columns.of(kind, kind.columnMapping(overrides, violations), header, violations);
    }

    @Test
    void defaultsMatchHeadersCaseInsensitivelyIgnoringSpacesAndByteOrderMark() {
        Columns columns = resolve(ImportKind.CONVERSIONS, Map.of(), "\uFEFFOrder_ID", " Occurred_At ", "AMOUNT",
                "currency", "email");

        assertThat(violations).isEmpty();
        assertThat(columns.indexes()).containsEntry("orderId", 0).containsEntry("occurredAt", 1)
                .containsEntry("email", 4).doesNotContainKey("couponCode");
        assertThat(columns.headerOf("orderId")).isEqualTo("Order_ID");
        assertThat(columns.personalIndexes()).containsExactly(4);
    }

    @Test
    void aMissingRequiredOrExplicitlyMappedColumnNamesFieldAndHeader() {
        resolve(ImportKind.TOUCHPOINTS, Map.of("code", "Promo"), "type", "loyalty_id");

        assertThat(violations).containsExactly(
                new Violation("column.occurredAt",
                        "is mapped to the column \"occurred_at\", which the header row does not have"),
                new Violation("column.code", "is mapped to the column \"Promo\", which the header row does not have"));
    }

    @Test
    void anAbsentDefaultOptionalColumnIsFine() {
        resolve(ImportKind.TOUCHPOINTS, Map.of(), "type", "occurred_at", "phone");

        assertThat(violations).isEmpty();
    }

    @Test
    void aMappedColumnThatAppearsTwiceIsAmbiguous() {
        resolve(ImportKind.TOUCHPOINTS, Map.of(), "type", "occurred_at", "email", "EMAIL");

        assertThat(violations).extracting(Violation::field).containsExactly("column.email");
    }

    @Test
    void unknownFieldsAndBlankHeadersAreRefused() {
        ImportKind.CONVERSIONS.columnMapping(Map.of("code", "Promo", "amount", " "), violations);

        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("column.code", "column.amount");
    }

    @Test
    void overridesComeFromColumnQueryParameters() {
        assertThat(ColumnMapping.overridesFrom(Map.of("kind", List.of("touchpoints"),
                "column.occurredAt", List.of("Call Start", "ignored"))))
                .containsExactly(Map.entry("occurredAt", "Call Start"));
    }
}
