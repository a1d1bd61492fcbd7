package io.tally.connectors.costs.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.events.Channel;
import io.tally.events.Money;
import io.tally.events.validation.Violations;

/**
 * Reads one row of a Meta Marketing API insights response ({@code level=campaign&time_increment=1}) into a
 * {@link DailyCost}, reporting each bad field by its Graph API name ({@code spend}, {@code actions[1].value}).
 */
public final class MetaInsightReader {

    /** The most digits a number is written out in full with. */
    private static final int MAX_PLAIN_DIGITS = 100;

    /** The platform name: the {@code source} of the published costs. */
    public static final String PLATFORM = "meta";
    private static final List<DateTimeFormatter> ISO_DATE = List.of(DateTimeFormatter.ISO_LOCAL_DATE);
    private static final List<String> ISO_PATTERN = List.of("YYYY-MM-DD");

    private final List<String> purchaseActionTypes;

    /** @param purchaseActionTypes the purchase action types, most preferred first; only the first one present counts */
    public MetaInsightReader(List<String> purchaseActionTypes) {
        this.purchaseActionTypes = List.copyOf(purchaseActionTypes);
    }

    /** The row's cost, or null when a field is bad (each bad field is added to {@code violations}). */
    public DailyCost read(JsonNode row, Violations violations) {
        if (row == null || !row.isObject()) {
            violations.add("", "must be an insights row object");
            return null;
        }
        int before = violations.list().size();
        String campaignId = Figures.id(text(row, "campaign_id"), "campaign_id", violations);
        LocalDate start = Figures.date(text(row, "date_start"), "date_start", ISO_DATE, ISO_PATTERN, violations);
        LocalDate stop = Figures.date(text(row, "date_stop"), "date_stop", ISO_DATE, ISO_PATTERN, violations);
        if (start != null && stop != null && !start.equals(stop)) {
            violations.add("date_stop", "rows must be daily (time_increment=1): date_start is " + start
                    + ", date_stop " + stop);
        }
        String currency = Figures.currency(text(row, "account_currency"), "account_currency", violations);
        Money spend = Figures.amount(text(row, "spend"), currency, "spend", true, violations);
        Long impressions = Figures.count(text(row, "impressions"), "impressions", violations);
        Long clicks = Figures.count(text(row, "clicks"), "clicks", violations);
        String purchaseType = purchaseType(row);
        Long purchases = null;
        Money purchaseValue = null;
        if (purchaseType != null) {
            purchases = action(row, "actions", purchaseType, (value, field) -> Figures.count(value, field, violations));
            purchaseValue = action(row, "action_values", purchaseType,
                    (value, field) -> Figures.amount(value, currency, field, false, violations));
        }
        if (violations.list().size() > before) {
            return null;
        }
        return new DailyCost(PLATFORM, Channel.PAID_SOCIAL, campaignId, start, spend, impressions, clicks, purchases,
                purchaseValue);
    }

    /** The first preferred purchase action type that the row reports, in {@code actions} or {@code action_values}. */
    private String purchaseType(JsonNode row) {
        for (String type : purchaseActionTypes) {
            if (indexOf(row.get("actions"), type) >= 0 || indexOf(row.get("action_values"), type) >= 0) {
                return type;
            }
        }
        return null;
    }

    private interface CellReader<T> {
        T read(String value, String field);
    }

    private static <T> T action(JsonNode row, String list, String type, CellReader<T> reader) {
        int index = indexOf(row.get(list), type);
        if (index < 0) {
            return null;
        }
        return reader.read(text(row.get(list).get(index), "value"), list + "[" + index + "].value");
    }

    private static int indexOf(JsonNode actions, String type) {
        if (actions == null || !actions.isArray()) {
            return -1;
        }
        for (int i = 0; i < actions.size(); i++) {
            if (type.equals(text(actions.get(i), "action_type"))) {
                return i;
            }
        }
        return -1;
    }

    /** A field's text: Graph API numbers come as strings, but a JSON number is read as well. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        if (!value.isNumber() || (value.isFloatingPointNumber() && !value.isBigDecimal())) {
            return value.asText(); // a double prints as written (Infinity for one past its range)
        }
        // the plain form of 1E+1000000000 would be a billion digits: a number that large, or that small, stays in
        // its short form, which the field's own check then refuses
        BigDecimal number = value.decimalValue();
        boolean huge = Math.abs((long) number.precision() - number.scale()) > MAX_PLAIN_DIGITS
                || number.scale() > MAX_PLAIN_DIGITS;
        return huge ? number.toString() : number.toPlainString();
    }
}
