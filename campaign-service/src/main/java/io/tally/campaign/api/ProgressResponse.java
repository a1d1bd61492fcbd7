package io.tally.campaign.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.tally.campaign.goals.Goal;

/**
 * A programme's progress in a period under its official model: totals, each goal's pacing and status, and breakdowns
 * by campaign and by channel. Money is a decimal string in the programme's currency.
 */
@Schema(name = "Progress", description = "A programme's progress in a period under its official attribution model")
public record ProgressResponse(
        UUID programmeId,
        @Schema(examples = "2026-11") String period,
        @Schema(examples = "2026-11-01") LocalDate firstDay,
        @Schema(examples = "2026-11-30") LocalDate lastDay,
        @Schema(examples = "EUR") String currency,
        @Schema(description = "The programme's official model the figures are under", examples = "linear") String model,
        @Schema(description = "The pacing curve", examples = "linear") String pacing,
        @Schema(description = "The instant the figures are for (now unless asOf was given)") Instant asOf,
        @Schema(description = "Attributed revenue to date, all campaigns", examples = "45000.00") String attributed,
        @Schema(description = "Attributed (fractional) conversions to date", examples = "312.5") String conversions,
        @Schema(description = "Reported cost to date: its campaigns' and its own with no campaign (agency, production, tools), each reported line at its latest figure", examples = "9000.00") String cost,
        @Schema(description = "attributed / cost; null without cost", examples = "5.0000") String roas,
        @Schema(description = "Budget planned for the period, all campaigns: each budget line prorated by the days it"
                + " shares with the period", examples = "20000.00") String budget,
        @Schema(description = "cost / budget in percent; null without budget", examples = "45.00") String budgetSpent,
        List<Goal> goals,
        List<Breakdown> byCampaign,
        List<Breakdown> byChannel,
        @Schema(description = "Revenue attributed to the programme in other currencies, left out of the figures above until FX rates exist") List<OtherCurrency> otherCurrencies,
        @Schema(description = "The programme's pacing curve over the period: the share of a goal expected by the end of"
                + " each day (in the programme's time zone), so a goal's expected revenue on a day is goal ×"
                + " expectedFraction. One point per day; periods over " + ProgressResponse.DAILY_POINTS
                + " days have one per month's last day and the period's last day") List<PacingPoint> pacingCurve) {

    /** Periods up to this many days get a pacing point per day; longer ones one per month. */
    public static final int DAILY_POINTS = 400;

    /** The share of a goal the pacing curve expects by the end of a day. */
    @Schema(name = "PacingPoint")
    public record PacingPoint(@Schema(examples = "2026-11-15") LocalDate day,
            @Schema(description = "In [0, 1], six decimals", examples = "0.500000") String expectedFraction) {
    }

    /** One goal's progress. */
    @Schema(name = "GoalProgress")
    public record Goal(
            UUID goalId,
            @Schema(description = "Null unless the goal is a campaign's") UUID campaignId,
            @Schema(description = "Null unless the goal is a channel's", examples = "email") String channel,
            @Schema(examples = "100000.00") String goal,
            @Schema(examples = "45000.00") String attributed,
            @Schema(examples = "9000.00") String cost,
            @Schema(examples = "5.0000") String roas,
            @Schema(examples = "45.00") String percentOfGoal,
            @Schema(description = "The share of the goal the pacing curve expects by now", examples = "0.500000") String elapsedFraction,
            @Schema(examples = "50000.00") String expectedToDate,
            @Schema(description = "attributed - expectedToDate", examples = "-5000.00") String variance,
            @Schema(description = "Revenue expected at the period's end; null before it starts", examples = "90000.00") String forecast,
            @Schema(description = "not_started, final, or run_rate_<curve>: attributed / share expected by now", examples = "run_rate_linear") String forecastMethod,
            @Schema(examples = "55000.00") String remaining,
            @Schema(description = "remaining / days left including today; null outside the period", examples = "3666.67") String requiredDailyRate,
            @Schema(enumeration = {
                    "on_track", "at_risk", "behind", "achieved"}, examples = "at_risk") String status){
    }

    /** Revenue and cost of one campaign or channel. */
    @Schema(name = "ProgressBreakdown")
    public record Breakdown(
            @Schema(description = "Null in the channel breakdown") UUID campaignId,
            @Schema(description = "Campaign name or channel", examples = "BF social") String name,
            @Schema(description = "Null in the campaign breakdown", examples = "paid_social") String channel,
            @Schema(examples = "30000.00") String attributed,
            @Schema(examples = "210.25") String conversions,
            @Schema(examples = "6000.00") String cost,
            @Schema(examples = "5.0000") String roas,
            @Schema(description = "Budget planned for the period; null in the channel breakdown", examples = "12000.00") String budget,
            @Schema(description = "cost / budget in percent; null without budget", examples = "50.00") String budgetSpent) {
    }

    /** Revenue attributed in a currency other than the programme's. */
    @Schema(name = "OtherCurrencyRevenue")
    public record OtherCurrency(@Schema(examples = "USD") String currency,
            @Schema(examples = "120.00") String attributed) {
    }
}
