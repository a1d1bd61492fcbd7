package io.tally.connectors.social.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.tally.events.Money;
import io.tally.events.validation.Violations;

/**
 * Reads the figures of an ad-platform export cell by cell, adding a violation (under the given field or column name)
 * for each bad one. Numbers may carry thousands separators ({@code 48,210}); an optional count that is empty or
 * {@code -} is absent.
 */
public final class Figures {

    static final int MAX_ID_LENGTH = 200;
    /** Integer digits of an amount; keeps minor units inside a {@code long}. */
    static final int MAX_INTEGER_DIGITS = 15;
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("-?(\\d+|\\d{1,3}(,\\d{3})+)");

    private Figures() {
    }

    /** A required id of at most 200 characters, trimmed. */
    public static String id(String value, String field, Violations violations) {
        if (!violations.required(field, value)) {
            return null;
        }
        String id = value.trim();
        violations.maxLength(field, id, MAX_ID_LENGTH);
        return id.length() > MAX_ID_LENGTH ? null : id;
    }

    /** A required date in one of {@code formats}. */
    public static LocalDate date(String value, String field, List<DateTimeFormatter> formats, List<String> patterns,
            Violations violations) {
        if (!violations.required(field, value)) {
            return null;
        }
        for (DateTimeFormatter format : formats) {
            try {
                return LocalDate.parse(value.trim(), format);
            } catch (DateTimeParseException e) {
                // next format
            }
        }
        violations.add(field, "must be a date (" + String.join(" or ", patterns) + "), got \"" + value.trim() + "\"");
        return null;
    }

    /** A required ISO 4217 code, upper-cased; null when bad. */
    public static String currency(String value, String field, Violations violations) {
        String code = value == null ? null : value.trim().toUpperCase(Locale.ROOT);
        return violations.currency(field, code) ? code : null;
    }

    /**
     * A non-negative amount in {@code currency} (null when the currency is bad), rounded half-even to the currency's
     * minor unit (platforms report sub-cent spend but bill in minor units).
     */
    public static Money amount(String value, String currency, String field, boolean required, Violations violations) {
        if (blank(value) || (!required && "-".equals(value.trim()))) {
            if (required) {
                violations.required(field, null);
            }
            return null;
        }
        String text = value.trim();
        if (!DECIMAL.matcher(text).matches()) {
            violations.add(field, "must be a decimal number such as 152.37, got \"" + text + "\"");
            return null;
        }
        BigDecimal amount = new BigDecimal(text.replace(",", ""));
        if (amount.signum() < 0) {
            violations.add(field, "must not be negative");
            return null;
        }
        if (amount.precision() - amount.scale() > MAX_INTEGER_DIGITS) {
            violations.add(field, "must have at most " + MAX_INTEGER_DIGITS + " integer digits");
            return null;
        }
        if (currency == null) {
            return null;
        }
        return new Money(amount.setScale(Money.fractionDigits(currency), RoundingMode.HALF_EVEN), currency);
    }

    /** An optional non-negative whole number; absent when empty or {@code -}. */
    public static Long count(String value, String field, Violations violations) {
        if (blank(value) || "-".equals(value.trim())) {
            return null;
        }
        String text = value.trim();
        if (!WHOLE.matcher(text).matches() || text.replace(",", "").length() > 18) {
            violations.add(field, "must be a whole number, got \"" + text + "\"");
            return null;
        }
        long count = Long.parseLong(text.replace(",", ""));
        if (count < 0) {
            violations.add(field, "must not be negative");
            return null;
        }
        return count;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
