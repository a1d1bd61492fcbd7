package io.tally.connectors.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.tally.connectors.costs.domain.AdField;
import io.tally.connectors.costs.domain.CostField;
import io.tally.connectors.offline.domain.Columns;
import io.tally.connectors.offline.domain.ImportKind;
import io.tally.events.validation.Violation;

/**
 * The one column mapping of the connectors' CSV imports: the ad-platform cost exports and the offline uploads match
 * headers by the same rule and differ only in what their {@link ColumnMapping.Rules} say.
 */
class ColumnMappingTest {

    private final List<Violation> violations = new ArrayList<>();

    @Test
    void aHeaderMatchesWithoutCaseSurroundingWhitespaceOrAByteOrderMark() {
        assertThat(ColumnMapping.normalise("\uFEFF\u2003Order_ID\u3000")).isEqualTo("order_id");
        assertThat(ColumnMapping.normalise(" \uFEFF Campaign ID ")).isEqualTo("campaign id");
        assertThat(ColumnMapping.normalise(null)).isEmpty();
    }

    /** The cost exports once trimmed (keeping U+2003 and U+3000), the uploads stripped: now both read these files. */
    @Test
    void costExportsAndUploadsReadTheSamePaddedHeaders() {
        ColumnMapping<AdField> costs = ColumnMapping.of(AdField.columnRules(), Map.of("date", "Date", "campaignId",
                "Campaign ID", "spend", "Cost", "currency", "Currency"), Map.of(), violations);
        Map<AdField, Integer> positions = costs.resolve(
                List.of("\uFEFFdate\u3000", " CAMPAIGN ID", "cost\u2003", "\u2003currency"), violations);

        Columns refunds = Columns.of(ImportKind.REFUNDS, ImportKind.REFUNDS.columnMapping(Map.of(), violations),
                new String[]{"\uFEFFrefund_id\u3000", " ORDER_ID", "occurred_at\u2003", "\u2003amount", "currency"},
                violations);

        assertThat(violations).isEmpty();
        assertThat(positions).containsEntry(AdField.DATE, 0).containsEntry(AdField.SPEND, 2)
                .containsEntry(AdField.CURRENCY, 3);
        assertThat(refunds.indexes()).containsEntry("refundId", 0).containsEntry("occurredAt", 2)
                .containsEntry("amount", 3);
    }

    @Test
    void eachImportNamesItsFieldsInTheUnknownFieldMessage() {
        ColumnMapping.of(AdField.columnRules(), Map.of("date", "Date", "campaignId", "Campaign ID", "spend", "Cost",
                "currency", "Currency"), Map.of("budget", "Budget"), violations);
        ImportKind.REFUNDS.columnMapping(Map.of("price", "Price"), violations);

        assertThat(violations).containsExactly(
                new Violation("column.budget", "is not a field; the fields are date, endDate, campaignId,"
                        + " campaignName, spend, currency, impressions, clicks, conversions, conversionValue"),
                new Violation("column.price", "is not a field of refunds imports; the fields are refundId, orderId,"
                        + " occurredAt, amount, currency, reason"));
    }

    /** Refunds name their order, not a customer: no identifier column is needed. */
    @Test
    void anImportWithoutIdentifierFieldsNeedsNoIdentifierColumn() {
        Columns.of(ImportKind.REFUNDS, ImportKind.REFUNDS.columnMapping(Map.of(), violations),
                new String[]{"refund_id", "order_id", "occurred_at", "amount", "currency"}, violations);
        Columns.of(ImportKind.CONVERSIONS, ImportKind.CONVERSIONS.columnMapping(Map.of(), violations),
                new String[]{"order_id", "occurred_at", "amount", "currency"}, violations);

        assertThat(violations).extracting(Violation::field).containsExactly("identifiers");
    }

    @Test
    void aColumnNamedTwiceIsAmbiguousOnlyWhereTheRulesSaySo() {
        ColumnMapping<AdField> costs = ColumnMapping.of(AdField.columnRules(), Map.of("date", "Date", "campaignId",
                "Campaign", "spend", "Cost", "currency", "Currency"), Map.of(), violations);
        Map<AdField, Integer> positions = costs.resolve(List.of("Date", "Campaign", "Cost", "Currency", "cost"),
                violations);
        assertThat(violations).isEmpty();
        assertThat(positions).containsEntry(AdField.SPEND, 2);

        Columns.of(ImportKind.REFUNDS, ImportKind.REFUNDS.columnMapping(Map.of(), violations),
                new String[]{"refund_id", "order_id", "occurred_at", "amount", "currency", "AMOUNT"}, violations);
        assertThat(violations).containsExactly(new Violation("column.amount",
                "is mapped to the column \"amount\", which the header row has more than once"));
    }

    @Test
    void aHeaderRowHoldsEveryRequiredOrNamedColumnButMayLackOptionalDefaults() {
        ColumnMapping<CostField> costs = ColumnMapping.of(CostField.columnRules(), Map.of(),
                Map.of("category", "Kostenart"), violations);

        assertThat(costs.holdsNeeded(List.of("date", "campaign_code", "amount", "currency", "Kostenart"))).isTrue();
        assertThat(costs.holdsNeeded(List.of("date", "campaign_code", "amount", "currency"))).isFalse();
        assertThat(costs.holdsNeeded(List.of("2026-11-01", "BF-2026", "10.00", "EUR", "media"))).isFalse();
        assertThat(violations).isEmpty();
    }
}
