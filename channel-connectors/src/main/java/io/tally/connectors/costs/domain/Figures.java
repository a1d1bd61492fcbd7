package io.tally.connectors.costs.domain;

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
 * for each bad one. Numbers may carry thousands separators ({@code 48,210}, {@code 1,234.56}), but an amount written
 * {@code 1,234} is refused as ambiguous (a thousands separator, or a decimal comma?); an optional figure that is empty,
 * {@code -} or {@code --} is absent.
 */
public final class Figures {

    static final int MAX_ID_LENGTH = 200;
    /** Integer digits of an amount; keeps minor units inside a {@code long}. */
    static final int MAX_INTEGER_DIGITS = 15;
    private static final Pattern DECIMAL = Pattern.compile("-?(\\d+|\\d{1,3}(,\\d{3})+)(\\.\\d+)?");
    private static final Pattern WHOLE = Pattern.compile("-?(\\d+|\\d{1,3}(,\\d{3})+)");
    /** One comma followed by three digits and no decimal point: {@code 1,234} or {@code 1.234} in another locale. */
    private static final Pattern DECIMAL_COMMA_OR_THOUSANDS = Pattern.compile("-?\\d{1,3},\\d{3}");
    /** The longest cell quoted back in a reason. */
    private static final int MAX_QUOTED = 40;

    private Figures() {
    }

    /** A required id of at most 200 printable characters, trimmed. */
    public static String id(String value, String field, Violations violations) {
        if (!violations.required(field, value)) {
            return null;
        }
        String id = value.trim();
        int before = violations.list().size();
        violations.text(field, id, MAX_ID_LENGTH);
        return violations.list().size() > before ? null : id;
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
        violations.add(field, "must be a date (" + String.join(" or ", patterns) + "), got " + quoted(value.trim()));
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
        if (blank(value) || (!required && notReported(value))) {
            if (required) {
                violations.required(field, null);
            }
            return null;
        }
        BigDecimal amount = decimal(value.trim(), field, violations);
        if (amount == null) {
            return null;
        }
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

    /**
     * An optional non-negative number of conversions; absent when empty, {@code -} or {@code --}. Platforms that share
     * a conversion between campaigns (Google Ads' data-driven attribution) report fractions ({@code 12.50}); the
     * figure is a whole number of platform purchases, so a fraction is rounded half-even.
     */
    public static Long conversions(String value, String field, Violations violations) {
        if (blank(value) || notReported(value)) {
            return null;
        }
        BigDecimal conversions = decimal(value.trim(), field, violations);
        if (conversions == null) {
            return null;
        }
        if (conversions.signum() < 0) {
            violations.add(field, "must not be negative");
            return null;
        }
        if (conversions.precision() - conversions.scale() > MAX_INTEGER_DIGITS) {
            violations.add(field, "must have at most " + MAX_INTEGER_DIGITS + " integer digits");
            return null;
        }
        return conversions.setScale(0, RoundingMode.HALF_EVEN).longValueExact();
    }

    /** An optional non-negative whole number; absent when empty, {@code -} or {@code --}. */
    public static Long count(String value, String field, Violations violations) {
        if (blank(value) || notReported(value)) {
            return null;
        }
        String text = value.trim();
        if (!WHOLE.matcher(text).matches() || text.replace(",", "").length() > 18) {
            violations.add(field, "must be a whole number, got " + quoted(text));
            return null;
        }
        long count = Long.parseLong(text.replace(",", ""));
        if (count < 0) {
            violations.add(field, "must not be negative");
            return null;
        }
        return count;
    }

    /**
     * A decimal as the exports write it, thousands separators removed; null (reported) when it is not one, or is
     * ambiguous ({@code 1,234}).
     */
    private static BigDecimal decimal(String text, String field, Violations violations) {
        if (!DECIMAL.matcher(text).matches()) {
            violations.add(field, "must be a decimal number such as 152.37 or 1,234.56, got " + quoted(text));
            return null;
        }
        if (DECIMAL_COMMA_OR_THOUSANDS.matcher(text).matches()) {
            violations.add(field, "is ambiguous: " + text + " may be a thousands separator or a decimal comma; write "
                    + text.replace(",", "") + ".00 or " + text.replace(',', '.'));
            return null;
        }
        return new BigDecimal(text.replace(",", ""));
    }

    /** How an export says "no figure" in an optional cell. */
    private static boolean notReported(String value) {
        String text = value.trim();
        return "-".equals(text) || "--".equals(text);
    }

    /** A cell quoted in a reason: at most 40 characters, control characters shown as {@code ?}. */
    static String quoted(String text) {
        String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text;
        return "\"" + shown.chars().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append) + "\"";
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
