package io.tally.events.validation;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Collects the violations of one validation pass, with field names as JSON paths. Nested objects are validated under a
 * prefix ({@link #nested}), so a bad amount inside {@code revenue} is reported as {@code revenue.amount}.
 */
public final class Violations {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .filter(c -> c.getDefaultFractionDigits() >= 0)
            .map(Currency::getCurrencyCode)
            .collect(Collectors.toUnmodifiableSet());

    /** The earliest instant an event may carry: PostgreSQL, Java and every report agree on everything after it. */
    public static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    /** The first instant an event may no longer carry. */
    public static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    /** The largest amount (in major units, e.g. euros) one event may carry: far above any order, far below overflow. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    private final List<Violation> found = new ArrayList<>();
    private String prefix = "";

    /** Adds a violation for {@code field} (relative to the current prefix; empty means the nested object itself). */
    public Violations add(String field, String reason) {
        String path = field.isEmpty() && prefix.endsWith(".")
                ? prefix.substring(0, prefix.length() - 1)
                : prefix + field;
        found.add(new Violation(path, reason));
        return this;
    }

    /** Reports {@code field} as required when {@code value} is null (or a blank string). */
    public boolean required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "is required");
            return false;
        }
        return true;
    }

    /** Checks that the value is an ISO 4217 code with minor units; true when it is. */
    public boolean currency(String field, String code) {
        if (!required(field, code)) {
            return false;
        }
        if (!CURRENCIES.contains(code)) {
            add(field, "is not an ISO 4217 currency code: " + code);
            return false;
        }
        return true;
    }

    /** Checks that a present value is 64 lower-case hex characters (a SHA-256 digest). */
    public void sha256(String field, String value) {
        if (value != null && !SHA256_HEX.matcher(value).matches()) {
            add(field, "must be a SHA-256 hex digest (64 lower-case hex characters)");
        }
    }

    /** Checks that a present amount is not negative. */
    public void notNegative(String field, BigDecimal amount) {
        if (amount != null && amount.signum() < 0) {
            add(field, "must not be negative");
        }
    }

    /** Checks that a present string is at most {@code max} characters long. */
    public void maxLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            add(field, "must be at most " + max + " characters");
        }
    }

    /** Reports {@code field} as required when null, and as out of range outside [{@link #EARLIEST}, {@link #LATEST}). */
    public boolean instant(String field, Instant value) {
        if (!required(field, value)) {
            return false;
        }
        if (value.isBefore(EARLIEST) || !value.isBefore(LATEST)) {
            add(field, "must be from " + EARLIEST + " and before " + LATEST);
            return false;
        }
        return true;
    }

    /** Like {@link #instant}, for a day. */
    public boolean date(String field, LocalDate value) {
        return value == null ? required(field, null) : instant(field, value.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * Checks that a present string is at most {@code max} characters of printable text: no control characters (C0,
     * DEL, C1), no unpaired surrogates and no non-characters, which no identifier, code or URL has and which databases,
     * logs and CSV files handle badly or refuse.
     */
    public void text(String field, String value, int max) {
        if (value == null) {
            return;
        }
        maxLength(field, value, max);
        String problem = unprintable(value, true);
        if (problem != null) {
            add(field, problem);
        }
    }

    /**
     * Why {@code value} is not text that every store keeps as sent, or null when it is: an unpaired surrogate, a
     * non-character (U+FFFE, U+FFFF), NUL (which PostgreSQL refuses in text and JSON) and, with {@code controls}, any
     * other control character (C0, DEL, C1). Free text such as a description may hold line breaks and tabs; identifiers,
     * codes and URLs may not.
     */
    public static String unprintable(String value, boolean controls) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "must not contain an unpaired surrogate (at " + i + ")";
            } else if (c == '\uFFFE' || c == '\uFFFF' || c == 0 || controls && Character.isISOControl(c)) {
                return "must not contain control characters (U+" + String.format("%04X", (int) c) + " at " + i + ")";
            }
        }
        return null;
    }

    /** {@link #required} and {@link #text} together; true when present. */
    public boolean requiredText(String field, String value, int max) {
        if (!required(field, value)) {
            return false;
        }
        text(field, value, max);
        return true;
    }

    /** Checks that a present amount is not larger than {@link #MAX_AMOUNT} either way. */
    public void bounded(String field, BigDecimal amount) {
        if (amount != null && amount.abs().compareTo(MAX_AMOUNT) > 0) {
            add(field, "must not exceed " + MAX_AMOUNT.toPlainString() + " either way");
        }
    }

    /** Validates a nested object under {@code field.}; does nothing for null (use {@link #required} for that). */
    public <T> void nested(String field, T value, Consumer<T> validation) {
        if (value == null) {
            return;
        }
        String outer = prefix;
        prefix = outer + field + ".";
        try {
            validation.accept(value);
        } finally {
            prefix = outer;
        }
    }

    public List<Violation> list() {
        return List.copyOf(found);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Throws {@link InvalidEventException} with everything found, if anything was. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new InvalidEventException(found);
        }
    }
}
