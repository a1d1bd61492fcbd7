package io.tally.events.validation;

import java.util.List;

/** Thrown when an event (or its JSON) breaks the contract; carries every violation, not only the first. */
public class InvalidEventException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidEventException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        StringBuilder sb = new StringBuilder("invalid event:");
        for (Violation v : violations) {
            sb.append(' ').append(v.field()).append(" (").append(v.reason()).append(')');
        }
        return sb.toString();
    }
}
