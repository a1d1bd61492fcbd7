package io.tally.attribution.rest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.tally.events.validation.Violations;

/** Reads a required ISO date query parameter, recording a violation that names it when it is missing or malformed. */
final class QueryDates {

    private QueryDates() {
    }

    static LocalDate required(Violations v, String field, String value) {
        if (!v.required(field, value)) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            v.add(field, "must be an ISO date such as 2026-11-01");
            return null;
        }
    }
}
