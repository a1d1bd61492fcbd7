package io.tally.connectors.email.domain;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** The signed timestamps of webhook requests: parsing, and the freshness window that refuses replays. */
public final class SignedTimestamps {

    private SignedTimestamps() {
    }

    /** A unix timestamp in seconds ({@code "1732270530"}, Mailgun also sends fractions); empty when malformed. */
    public static Optional<Instant> parseUnixSeconds(String text) {
        if (text == null || text.isBlank() || text.length() > 32) {
            return Optional.empty();
        }
        try {
            return Optional.of(unixSeconds(new BigDecimal(text.trim())));
        } catch (NumberFormatException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Seconds since the epoch (with a fraction) as an instant. */
    public static Instant unixSeconds(BigDecimal seconds) {
        BigDecimal whole = seconds.setScale(0, java.math.RoundingMode.FLOOR);
        long nanos = seconds.subtract(whole).movePointRight(9).setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
        return Instant.ofEpochSecond(whole.longValueExact(), nanos);
    }

    /** True when {@code signedAt} lies within {@code tolerance} of {@code now}, in the past or the future. */
    public static boolean isFresh(Instant signedAt, Instant now, Duration tolerance) {
        return !signedAt.isBefore(now.minus(tolerance)) && !signedAt.isAfter(now.plus(tolerance));
    }
}
