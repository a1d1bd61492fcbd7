package io.tally.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Enums travel as their lower-case snake_case names ({@code PAID_SOCIAL} ↔ {@code paid_social}). */
public final class WireNames {

    private WireNames() {
    }

    public static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** The constant for a wire name, case-insensitively and trimmed; empty for an unknown name. */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(wanted)).findFirst();
    }

    /**
     * The constant for a wire name.
     *
     * @param what the word for the value in an error, e.g. {@code channel}
     * @throws IllegalArgumentException naming the unknown value and the allowed ones
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
        return find(type, name).orElseThrow(() -> new IllegalArgumentException("unknown " + what + ": " + name
                + " (one of " + Arrays.stream(type.getEnumConstants()).map(WireNames::of)
                        .collect(Collectors.joining(", "))
                + ")"));
    }
}
