package io.tally.events;

import java.time.Instant;
import java.util.UUID;

import io.tally.events.validation.Violations;

/**
 * A revenue goal's status moved (e.g. from {@code on_track} to {@code at_risk}), for alerting. Key on
 * {@link Topics#GOAL_STATUS}: the goal id. The figures are those of the evaluation that saw the change.
 *
 * @param eventId {@code goalId:sequence}, one per change of one goal
 * @param previousStatus null for the goal's first evaluation
 * @param status {@code on_track}, {@code at_risk}, {@code behind} or {@code achieved}
 * @param attributed revenue attributed to date under the programme's official model
 * @param expectedToDate what the pacing curve expected by now
 */
public record GoalStatusChanged(
        String eventId,
        UUID goalId,
        UUID programmeId,
        UUID campaignId,
        Channel channel,
        String period,
        String previousStatus,
        String status,
        Instant changedAt,
        Money goal,
        Money attributed,
        Money expectedToDate) implements Event {

    @Override
    public void validate(Violations v) {
        v.required("eventId", eventId);
        v.required("goalId", goalId);
        v.required("programmeId", programmeId);
        v.required("period", period);
        v.required("status", status);
        v.required("changedAt", changedAt);
        for (String field : new String[]{"goal", "attributed", "expectedToDate"}) {
            Money money = field.equals("goal") ? goal : field.equals("attributed") ? attributed : expectedToDate;
            if (v.required(field, money)) {
                v.nested(field, money, m -> m.validate(v));
            }
        }
    }
}
