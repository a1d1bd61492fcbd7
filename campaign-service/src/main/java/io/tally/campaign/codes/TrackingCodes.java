package io.tally.campaign.codes;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/** Tracking-code rules: stripped, stored lower-case, matched case-insensitively, no whitespace, at most 200 characters. */
public final class TrackingCodes {

    /** The longest code, after normalisation. */
    public static final int MAX_LENGTH = 200;

    private TrackingCodes() {
    }

    /** Why {@code raw} is not an acceptable tracking code, or empty when it is. */
    public static Optional<String> problemWith(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of("must not be blank");
        }
        String code = normalise(raw);
        if (code.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (code.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.isISOControl(c))) {
            return Optional.of("must not contain whitespace or control characters");
        }
        return Optional.empty();
    }

    /**
     * The stored (and matched) form of a code: the contract's one normalisation,
     * {@link io.tally.events.TrackingCodes#normalise}, which attribution-service matches touches and costs by.
     */
    public static String normalise(String raw) {
        return io.tally.events.TrackingCodes.normalise(raw);
    }

    /**
     * The stored form of every code, in request order, with duplicates (in any case) collapsed.
     *
     * @throws IllegalArgumentException if a code is not acceptable (validate with {@link #problemWith} first)
     */
    public static List<String> normaliseAll(Collection<String> raw) {
        LinkedHashSet<String> codes = new LinkedHashSet<>();
        for (String code : raw) {
            problemWith(code).ifPresent(problem -> {
                throw new IllegalArgumentException("tracking code " + problem);
            });
            codes.add(normalise(code));
        }
        return List.copyOf(codes);
    }
}
