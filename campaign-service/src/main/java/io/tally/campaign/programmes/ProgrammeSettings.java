package io.tally.campaign.programmes;

import java.time.LocalDate;
import java.util.Map;

import io.tally.events.ModelSettings;

/** Everything about a programme a user sets, validated, with defaults applied; what a {@code PUT} replaces. */
public record ProgrammeSettings(
        String name,
        String objective,
        LocalDate startDate,
        LocalDate endDate,
        String reportingCurrency,
        String timeZone,
        int lookbackDays,
        String officialModel,
        Map<String, String> officialModelParameters,
        String owner,
        ProgrammeStatus status,
        String pacing,
        Map<String, String> weekdayWeights,
        ModelSettings modelSettings) {

    public ProgrammeSettings {
        officialModelParameters = Map.copyOf(officialModelParameters);
        weekdayWeights = Map.copyOf(weekdayWeights);
        modelSettings = modelSettings == null ? ModelSettings.NONE : modelSettings;
    }
}
