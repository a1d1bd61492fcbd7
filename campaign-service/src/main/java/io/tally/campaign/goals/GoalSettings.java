package io.tally.campaign.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a user sets of a goal, validated: its scope (a campaign, a channel, or neither for the whole programme), its
 * period as label and days (inclusive), and the amount in the programme's currency.
 */
public record GoalSettings(
        UUID campaignId,
        String channel,
        String period,
        LocalDate firstDay,
        LocalDate lastDay,
        BigDecimal amount,
        String currency) {
}
