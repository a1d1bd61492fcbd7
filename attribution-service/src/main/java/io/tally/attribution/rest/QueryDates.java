package io.tally.attribution.rest;

import java.time.LocalDate;

import io.tally.events.validation.Violations;
import io.tally.support.http.QueryValues;

/**
 * Reads a required ISO date query parameter (the shared {@link QueryValues} rule), recording a violation that names it
 * when it is missing, malformed or out of range.
 */
public final class QueryDates {

    private QueryDates() {
    }

    public static LocalDate required(Violations v, String field, String value) {
        if (!v.required(field, value)) {
            return null;
        }
        LocalDate date = QueryValues.date(value).orElse(null);
        if (date == null) {
            v.add(field, QueryValues.DATE_REASON);
        }
        return date;
    }
}
