package io.tally.connectors.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.events.Money;
import io.tally.events.validation.Violations;

/** Reading fields of a JSON object, reporting every bad one by its name (relative to the object). */
public final class JsonFields {

    /** Integer digits of an amount; keeps minor units inside a {@code long}. */
    static final int MAX_INTEGER_DIGITS = 15;
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private JsonFields() {
    }

    /** Like {@link #text}, and reports the field as required when it is absent, null or blank. */
    public static String requiredText(JsonNode node, String field, int maxLength, Violations violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            violations.required(field, null);
            return null;
        }
        return text(node, field, maxLength, violations);
    }

    /** A trimmed string field; null when absent, null or blank. Other JSON types and over-long values are reported. */
    public static String text(JsonNode node, String field, int maxLength, Violations violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            violations.add(field, "must be a string");
            return null;
        }
        String text = value.asText().trim();
        if (text.length() > maxLength) {
            violations.add(field, "must be at most " + maxLength + " characters");
            return null;
        }
        return text.isEmpty() ? null : text;
    }

    /** A required id given as a string or an integer JSON number (Shopify's ids); the decimal text of it. */
    public static String requiredId(JsonNode node, String field, int maxLength, Violations violations) {
        JsonNode value = node.get(field);
        if (value != null && value.isIntegralNumber()) {
            return value.bigIntegerValue().toString();
        }
        return requiredText(node, field, maxLength, violations);
    }

    /**
     * The SHA-256 of an e-mail address field; null when absent. A value that is not an address is reported without
     * echoing it, so the raw address appears in no error either.
     */
    public static String emailSha256(JsonNode node, String field, Violations violations) {
        String email = text(node, field, 320, violations);
        if (email == null) {
            return null;
        }
        if (!EMAIL.matcher(email).matches()) {
            violations.add(field, "must be an e-mail address");
            return null;
        }
        return io.tally.connectors.pipeline.IdentityKeys.emailSha256(email);
    }

    /**
     * An amount ({@code amountField}) in a currency ({@code currencyField}) at the currency's scale; null when either is
     * missing or bad (reported).
     */
    public static Money money(JsonNode node, String amountField, String currencyField, Violations violations) {
        BigDecimal amount = decimal(node, amountField, violations);
        int before = violations.list().size();
        String currency = text(node, currencyField, 16, violations);
        boolean knownCurrency = violations.list().size() == before && violations.currency(currencyField, currency);
        if (amount == null) {
            return null;
        }
        return money(amount, currency, knownCurrency, amountField, violations);
    }

    /** {@code amount} in {@code currency}, checked: not negative, at most 15 integer digits, the currency's decimals. */
    public static Money money(BigDecimal amount, String currency, boolean knownCurrency, String amountField,
            Violations violations) {
        int before = violations.list().size();
        violations.notNegative(amountField, amount);
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            violations.add(amountField, "must have at most " + MAX_INTEGER_DIGITS + " integer digits");
        }
        if (!knownCurrency || violations.list().size() > before) {
            return null;
        }
        int digits = Money.fractionDigits(currency);
        if (amount.stripTrailingZeros().scale() > digits) {
            violations.add(amountField, "has more decimals than " + currency + " allows (" + digits + ")");
            return null;
        }
        return new Money(amount.setScale(digits, RoundingMode.UNNECESSARY), currency);
    }

    /** A decimal given as a JSON string ({@code "49.90"}) or an exact JSON number; null (and required) when absent. */
    public static BigDecimal decimal(JsonNode node, String field, Violations violations) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            violations.required(field, null);
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual() && DECIMAL.matcher(value.asText().trim()).matches()) {
            return new BigDecimal(value.asText().trim());
        }
        violations.add(field, "must be a decimal string such as \"49.90\"");
        return null;
    }
}
