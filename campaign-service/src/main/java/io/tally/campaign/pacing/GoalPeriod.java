package io.tally.campaign.pacing;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tally.support.http.QueryValues;

/**
 * The calendar days a goal covers, in the programme's reporting time zone: a month ({@code 2026-11}), a quarter
 * ({@code 2026-Q4}) or a custom range of days, both inclusive ({@code 2026-11-01..2026-11-30}).
 *
 * @param label the canonical text of the period
 * @param lastDay inclusive
 */
public record GoalPeriod(String label, LocalDate firstDay, LocalDate lastDay, ZoneId zone) {

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");
    private static final String FORMS = "period must be YYYY-MM, YYYY-Qn or YYYY-MM-DD..YYYY-MM-DD";

    public GoalPeriod {
        if (firstDay.getYear() < QueryValues.FIRST_YEAR || lastDay.getYear() > QueryValues.LAST_YEAR) {
            throw new IllegalArgumentException("period must lie in the years " + QueryValues.FIRST_YEAR + " to "
                    + QueryValues.LAST_YEAR);
        }
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("period ends (" + lastDay + ") before it starts (" + firstDay + ")");
        }
    }

    /**
     * Reads a period.
     *
     * @throws IllegalArgumentException naming the accepted forms, or saying the range ends before it starts
     */
    public static GoalPeriod parse(String text, ZoneId zone) {
        String t = text == null ? "" : text.strip();
        try {
            Matcher m = MONTH.matcher(t);
            if (m.matches()) {
                YearMonth month = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                return new GoalPeriod(month.toString(), month.atDay(1), month.atEndOfMonth(), zone);
            }
            m = QUARTER.matcher(t);
            if (m.matches()) {
                int year = Integer.parseInt(m.group(1));
                int quarter = Integer.parseInt(m.group(2));
                YearMonth first = YearMonth.of(year, quarter * 3 - 2);
                return new GoalPeriod(year + "-Q" + quarter, first.atDay(1), first.plusMonths(2).atEndOfMonth(), zone);
            }
            m = RANGE.matcher(t);
            if (m.matches()) {
                LocalDate first = LocalDate.parse(m.group(1));
                LocalDate last = LocalDate.parse(m.group(2));
                return new GoalPeriod(first + ".." + last, first, last, zone);
            }
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(FORMS + " (" + e.getMessage() + ")");
        }
        throw new IllegalArgumentException(FORMS);
    }

    /** The first instant of the period: its first day's start in the zone. */
    public Instant start() {
        return firstDay.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period: the start of the day after its last. */
    public Instant end() {
        return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** Whether the instant lies in {@code [start, end)}. */
    public boolean contains(Instant at) {
        return !at.isBefore(start()) && at.isBefore(end());
    }

    /** How many days the period has. */
    public long days() {
        return ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
    }
}
