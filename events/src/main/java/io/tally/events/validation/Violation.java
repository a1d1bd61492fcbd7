package io.tally.events.validation;

/** One failed rule: the JSON path of the field ({@code revenue.amount}, {@code identifiers}) and why it failed. */
public record Violation(String field, String reason) {
}
