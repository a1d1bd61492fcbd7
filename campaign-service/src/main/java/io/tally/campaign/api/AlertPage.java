package io.tally.campaign.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of goal status changes, newest first. */
@Schema(name = "AlertPage", description = "Goal status changes, newest first")
public record AlertPage(List<Alert> items, @Schema(examples = "0") int page, @Schema(examples = "50") int size,
        @Schema(examples = "1") long totalItems) {

    /** A goal's status changed. */
    @Schema(name = "Alert")
    public record Alert(
            @Schema(examples = "17") long id,
            UUID goalId,
            UUID programmeId,
            @Schema(examples = "2026-11") String period,
            @Schema(description = "Null at the goal's first evaluation", examples = "on_track") String previousStatus,
            @Schema(examples = "at_risk") String status,
            Instant at,
            @Schema(examples = "100000.00") String goal,
            @Schema(examples = "45000.00") String attributed,
            @Schema(examples = "50000.00") String expectedToDate,
            @Schema(examples = "EUR") String currency) {
    }
}
