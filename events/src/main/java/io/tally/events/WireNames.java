package io.tally.events;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Enums travel as their lower-case snake_case names ({@code PAID_SOCIAL} ↔ {@code paid_social}). Every event read or
 * written names a few, so each enum's names are worked out once ({@link ClassValue}) and looked up, not rebuilt.
 */
public final class WireNames {

    /** Each enum's wire names by ordinal, and its constants by wire name. */
    private record Names(String[] byOrdinal, Map<String, Enum<?>> byName) {
    }

    private static final ClassValue<Names> NAMES = new ClassValue<>() {
        @Override
        protected Names computeValue(Class<?> type) {
            Enum<?>[] constants = (Enum<?>[]) type.getEnumConstants();
            String[] byOrdinal = new String[constants.length];
            Map<String, Enum<?>> byName = new HashMap<>();
            for (Enum<?> c : constants) {
                byOrdinal[c.ordinal()] = c.name().toLowerCase(Locale.ROOT);
                byName.put(byOrdinal[c.ordinal()], c);
            }
            return new Names(byOrdinal, Map.copyOf(byName));
        }
    };

    private WireNames() {
    }

    public static String of(Enum<?> value) {
        return NAMES.get(value.getDeclaringClass()).byOrdinal()[value.ordinal()];
    }

    /** The constant for a wire name, case-insensitively and trimmed; empty for an unknown name. */
    public static <E extends Enum<E>> Optional<E> find(Class<E> type, String name) {
        if (name == null) {
            return Optional.empty();
        }
        Map<String, Enum<?>> byName = NAMES.get(type).byName();
        Enum<?> found = byName.get(name); // the usual spelling: exactly the wire name
        if (found == null) {
            found = byName.get(name.trim().toLowerCase(Locale.ROOT));
        }
        return Optional.ofNullable(type.cast(found));
    }

    /**
     * The constant for a wire name.
     *
     * @param what the word for the value in an error, e.g. {@code channel}
     * @throws IllegalArgumentException naming the unknown value and the allowed ones
     */
    public static <E extends Enum<E>> E parse(Class<E> type, String name, String what) {
        return find(type, name).orElseThrow(() -> new IllegalArgumentException("unknown " + what + ": " + name
                + " (one of " + Arrays.stream(NAMES.get(type).byOrdinal()).collect(Collectors.joining(", ")) + ")"));
    }
}
