package io.tally.campaign.config;

import java.math.BigDecimal;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tally.campaign.alerts.GoalMonitor;
import io.tally.campaign.goals.Goal;

/** The {@code tally.*} configuration of campaign-service ({@code tally.outbox.*}: the outbox module). */
@ConfigMapping(prefix = "tally")
public interface CampaignConfig {

    /** Limits of the REST API. */
    Api api();

    /** Goal status evaluation. */
    Goals goals();

    /** {@code tally.goals.*}. */
    interface Goals {

        /** How often goal statuses are evaluated (a duration such as 60s, or off), read by {@code GoalMonitor}. */
        @WithDefault("60s")
        String evaluateEvery();

        /** Status thresholds as ratios of attributed revenue to the revenue expected by now. */
        @WithDefault("0.95")
        BigDecimal onTrack();

        /** Below {@code on-track} but at or above this: at risk; below: behind. */
        @WithDefault("0.80")
        BigDecimal atRisk();

        /** Before this share of a goal is expected, the goal is not judged (on track). */
        @WithDefault("0.05")
        BigDecimal minElapsed();

        /** For how long after its period a goal is still evaluated (late attribution can still move it). */
        @WithDefault("P7D")
        Duration evaluateAfterEnd();
    }

    /** {@code tally.api.*}. */
    interface Api {

        /** The largest page size of list endpoints; larger requests are capped to it. */
        int maxPageSize();
    }
}
