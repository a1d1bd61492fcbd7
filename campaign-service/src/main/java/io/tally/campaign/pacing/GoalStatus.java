package io.tally.campaign.pacing;

import java.util.Locale;

/** Whether a goal is on track; wire names {@code on_track}, {@code at_risk}, {@code behind}, {@code achieved}. */
public enum GoalStatus {
    ON_TRACK, AT_RISK, BEHIND, ACHIEVED;

    /** The name on the API and in events. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
