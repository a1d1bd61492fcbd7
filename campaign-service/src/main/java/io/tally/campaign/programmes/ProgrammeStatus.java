package io.tally.campaign.programmes;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a programme is in its life: planned, running, or closed (read-only from then on). */
public enum ProgrammeStatus {
    DRAFT, ACTIVE, CLOSED;

    /** Every wire name, comma-separated, for error messages. */
    public static final String NAMES = Arrays.stream(values()).map(ProgrammeStatus::wireName)
            .collect(Collectors.joining(", "));

    /** The name on the API and in the database: {@code draft}, {@code active}, {@code closed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status of a wire name, if it is one. */
    public static Optional<ProgrammeStatus> fromWireName(String name) {
        return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
    }

    /** Why a programme in this status may not move to {@code next}, or empty: a closed programme stays closed. */
    public Optional<String> transitionProblem(ProgrammeStatus next) {
        return this == CLOSED && next != CLOSED
                ? Optional.of("the programme is closed; a closed programme is not reopened")
                : Optional.empty();
    }
}
