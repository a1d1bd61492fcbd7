package io.tally.support.http;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.regex.Pattern;

import io.tally.events.validation.Violations;

/**
 * How every service reads dates, months and counts from a query or path: strictly ISO, four-digit years from
 * {@value #FIRST_YEAR} to {@value #LAST_YEAR} (nothing Tally records is older, and PostgreSQL and {@code java.time}
 * disagree on years past it), whole numbers within bounds. A bad value is a violation naming the parameter, so the
 * caller gets a 400 problem instead of a 500 from parsing or from SQL.
 */
public final class QueryValues {

    /** The first year a date or month may have. */
    public static final int FIRST_YEAR = 1970;
    /** The last year a date or month may have. */
    public static final int LAST_YEAR = 9999;
    /** Why a date was refused. */
    public static final String DATE_REASON = "must be an ISO date (YYYY-MM-DD) from " + FIRST_YEAR + "-01-01 to "
            + LAST_YEAR + "-12-31, such as 2026-11-01";
    /** Why an instant was refused. */
    public static final String INSTANT_REASON = "must be an ISO-8601 instant in UTC from " + FIRST_YEAR
            + "-01-01T00:00:00Z to " + LAST_YEAR + "-12-31T23:59:59Z, such as 2026-11-16T08:00:00Z";
    /** Why a month was refused. */
    public static final String MONTH_REASON = "must be a month (YYYY-MM) from " + FIRST_YEAR + "-01 to " + LAST_YEAR
            + "-12, such as 2026-11";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z");
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,10}");

    private QueryValues() {
    }

    /** {@code text} as a date when it is one within the years allowed. */
    public static Optional<LocalDate> date(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text)).filter(QueryValues::allowed);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code text} as a month when it is one within the years allowed. */
    public static Optional<YearMonth> month(String text) {
        if (text == null || !MONTH.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(YearMonth.parse(text)).filter(m -> allowed(m.atDay(1)));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code text} as an instant ({@code 2026-11-16T08:00:00Z}, ISO-8601 in UTC) within the years allowed. */
    public static Optional<Instant> instant(String text) {
        if (text == null || !INSTANT.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            Instant at = Instant.parse(text);
            return allowed(at.atOffset(ZoneOffset.UTC).toLocalDate()) ? Optional.of(at) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Whether a date lies within the years allowed. */
    public static boolean allowed(LocalDate date) {
        return date.getYear() >= FIRST_YEAR && date.getYear() <= LAST_YEAR;
    }

    /**
     * A whole number from {@code min} to {@code max}; {@code fallback} when {@code text} is absent; null after adding a
     * violation of {@code field}.
     */
    public static Integer integer(Violations v, String field, String text, int fallback, int min, int max) {
        if (text == null) {
            return fallback;
        }
        long value;
        if (INTEGER.matcher(text).matches() && (value = Long.parseLong(text)) >= min && value <= max) {
            return (int) value;
        }
        v.add(field, "must be a whole number from " + min + " to " + max);
        return null;
    }
}
