package io.tally.connectors.costs.domain;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.events.validation.Violations;

/**
 * Reads one object of a generic cost request ({@code {date, campaignCode, programmeId, channel, amount, currency,
 * category, source, id}}) into a {@link CostLine}, each bad field reported by its JSON name. Every field is a string;
 * {@code amount} may also be an exact JSON number. Other fields are ignored.
 */
public final class CostJsonReader {

    /** The most digits a number is written out in full with. */
    private static final int MAX_PLAIN_DIGITS = 100;

    private CostJsonReader() {
    }

    /** The object's line, or null when a field is bad (each is added to {@code violations}). */
    public static CostLine read(JsonNode line, Violations violations) {
        if (line == null || !line.isObject()) {
            violations.add("", "must be a cost line object");
            return null;
        }
        Map<CostField, String> values = new EnumMap<>(CostField.class);
        Set<String> mistyped = new HashSet<>();
        for (CostField field : CostField.values()) {
            JsonNode value = line.get(field.wireName());
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isTextual()) {
                values.put(field, value.asText());
            } else if (value.isNumber() && field == CostField.AMOUNT) {
                values.put(field, numberText(value));
            } else {
                violations.add(field.wireName(), field == CostField.AMOUNT
                        ? "must be a decimal string such as \"1250.00\""
                        : "must be a string");
                mistyped.add(field.wireName());
            }
        }
        // the line's rules, on the fields that are strings; a mistyped field is reported once, as mistyped
        Violations rules = new Violations();
        CostLine read = CostLineReader.read(values::get, CostField::wireName, rules);
        rules.list().stream().filter(v -> !mistyped.contains(v.field()))
                .forEach(v -> violations.add(v.field(), v.reason()));
        return mistyped.isEmpty() ? read : null;
    }

    /** A JSON number as text; one too large or too small to write out stays in its short form, which is refused. */
    private static String numberText(JsonNode value) {
        if (value.isFloatingPointNumber() && !value.isBigDecimal()) {
            return value.asText();
        }
        BigDecimal number = value.decimalValue();
        boolean huge = Math.abs((long) number.precision() - number.scale()) > MAX_PLAIN_DIGITS
                || number.scale() > MAX_PLAIN_DIGITS;
        return huge ? number.toString() : number.toPlainString();
    }
}
