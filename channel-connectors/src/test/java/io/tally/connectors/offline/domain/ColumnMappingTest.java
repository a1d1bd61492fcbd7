package io.tally.connectors.offline.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tally.events.validation.Violation;

class ColumnMappingTest {

    private final List<Violation> violations = new ArrayList<>();

    @Test
    void defaultsMatchHeadersCaseInsensitivelyIgnoringSpacesAndByteOrderMark() {
        Columns columns = ColumnMapping.of(ImportKind.CONVERSIONS, Map.of(), violations)
                .resolve(new String[]{"\uFEFFOrder_ID", " Occurred_At ", "AMOUNT", "currency", "email"}, violations);

        assertThat(violations).isEmpty();
        assertThat(columns.indexes()).containsEntry("orderId", 0).containsEntry("occurredAt", 1)
                .containsEntry("email", 4).doesNotContainKey("couponCode");
        assertThat(columns.headerOf("orderId")).isEqualTo("Order_ID");
        assertThat(columns.personalIndexes()).containsExactly(4);
    }

    @Test
    void aMissingRequiredOrExplicitlyMappedColumnNamesFieldAndHeader() {
        ColumnMapping.of(ImportKind.TOUCHPOINTS, Map.of("code", "Promo"), violations)
                .resolve(new String[]{"type", "loyalty_id"}, violations);

        assertThat(violations).containsExactly(
                new Violation("column.occurredAt",
                        "is mapped to the column \"occurred_at\", which the header row does not have"),
                new Violation("column.code", "is mapped to the column \"Promo\", which the header row does not have"));
    }

    @Test
    void anAbsentDefaultOptionalColumnIsFine() {
        ColumnMapping.of(ImportKind.TOUCHPOINTS, Map.of(), violations)
                .resolve(new String[]{"type", "occurred_at", "phone"}, violations);

        assertThat(violations).isEmpty();
    }

    @Test
    void aMappedColumnThatAppearsTwiceIsAmbiguous() {
        ColumnMapping.of(ImportKind.TOUCHPOINTS, Map.of(), violations)
                .resolve(new String[]{"type", "occurred_at", "email", "EMAIL"}, violations);

        assertThat(violations).extracting(Violation::field).containsExactly("column.email");
    }

    @Test
    void unknownFieldsAndBlankHeadersAreRefused() {
        ColumnMapping.of(ImportKind.CONVERSIONS, Map.of("code", "Promo", "amount", " "), violations);

        assertThat(violations).extracting(Violation::field).containsExactlyInAnyOrder("column.code", "column.amount");
    }

    @Test
    void overridesComeFromColumnQueryParameters() {
        assertThat(ColumnMapping.overridesFrom(Map.of("kind", List.of("touchpoints"),
                "column.occurredAt", List.of("Call Start", "ignored"))))
                .containsExactly(Map.entry("occurredAt", "Call Start"));
    }
}
