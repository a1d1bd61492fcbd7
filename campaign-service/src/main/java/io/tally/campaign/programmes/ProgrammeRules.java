package io.tally.campaign.programmes;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Currency;
import java.util.Optional;
import java.util.stream.Collectors;

import io.tally.events.AttributionModels;
import io.tally.events.Channel;

/** Rules for programme and campaign settings: reporting currency, time zone, lookback window and channel names. */
public final class ProgrammeRules {

    public static final int MAX_NAME_LENGTH = 200;
    public static final int MIN_LOOKBACK_DAYS = 1;
    public static final int MAX_LOOKBACK_DAYS = 90;
    public static final int DEFAULT_LOOKBACK_DAYS = 30;

    /** Every channel wire name, comma-separated, for error messages. */
    public static final String CHANNEL_NAMES = Arrays.stream(Channel.values()).map(Channel::wireName)
            .collect(Collectors.joining(", "));

    private ProgrammeRules() {
    }

    /** Why {@code code} is not an ISO 4217 currency with minor units (what money amounts need), or empty. */
    public static Optional<String> currencyProblem(String code) {
        try {
            if (code != null && code.matches("[A-Z]{3}")
                    && Currency.getInstance(code).getDefaultFractionDigits() >= 0) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            // unknown code: reported below
        }
        return Optional.of("must be an ISO 4217 currency code such as EUR or USD");
    }

    /** Why {@code zone} is not a {@link ZoneId} such as {@code Europe/Berlin}, or empty. */
    public static Optional<String> timeZoneProblem(String zone) {
        try {
            ZoneId.of(zone);
            return Optional.empty();
        } catch (DateTimeException | NullPointerException e) {
            return Optional.of("must be a time zone id such as Europe/Berlin or UTC");
        }
    }

    /** The lookback window in days, {@value #DEFAULT_LOOKBACK_DAYS} when none is given. */
    public static int lookbackOrDefault(Integer days) {
        return days == null ? DEFAULT_LOOKBACK_DAYS : days;
    }

    /** Why {@code model} is not an attribution model's name, naming the known ones, or empty. */
    public static Optional<String> officialModelProblem(String model) {
        return model == null || AttributionModels.ALL.contains(model)
                ? Optional.empty()
                : Optional.of("must be one of " + String.join(", ", AttributionModels.ALL));
    }

    /** Why {@code status} is not a programme status, naming the statuses, or empty. */
    public static Optional<String> statusProblem(String status) {
        return status == null || ProgrammeStatus.fromWireName(status).isPresent()
                ? Optional.empty()
                : Optional.of("must be one of " + ProgrammeStatus.NAMES);
    }

    /** Why a programme's dates do not form a range, or empty; either date may be open. */
    public static Optional<String> datesProblem(LocalDate start, LocalDate end) {
        return start != null && end != null && end.isBefore(start)
                ? Optional.of("must not be before startDate")
                : Optional.empty();
    }

    /** Why {@code name} is not a channel wire name, naming the allowed ones, or empty. */
    public static Optional<String> channelProblem(String name) {
        return Channel.fromWireName(name).isPresent()
                ? Optional.empty()
                : Optional.of("must be one of " + CHANNEL_NAMES);
    }
}
