package io.tally.campaign.plans;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.List;

import io.tally.campaign.pacing.GoalPeriod;
import io.tally.campaign.programmes.Programme;
import io.tally.events.Money;
import io.tally.events.validation.Violation;
import io.tally.support.problem.ProblemException;

/** Reads the periods and amounts of plans (goals, budgets), collecting a violation per bad field. */
public final class PlanInputs {

    private PlanInputs() {
    }

    /** A period text in the programme's time zone, or a 400 naming {@code period}. */
    public static GoalPeriod period(Programme programme, String text) {
        try {
            return GoalPeriod.parse(text.strip(), ZoneId.of(programme.getTimeZone()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("period", e.getMessage());
        }
    }

    /** A period text in the programme's time zone, or null after adding a violation of {@code period}. */
    public static GoalPeriod period(Programme programme, String text, List<Violation> errors) {
        try {
            return GoalPeriod.parse(text.strip(), ZoneId.of(programme.getTimeZone()));
        } catch (IllegalArgumentException e) {
            errors.add(new Violation("period", e.getMessage()));
            return null;
        }
    }

    /**
     * A decimal with at most the currency's minor digits, scaled to them; positive, or also zero when
     * {@code zeroAllowed}; null after adding a violation of {@code field}.
     */
    public static BigDecimal amount(String field, String text, String currency, boolean zeroAllowed,
            List<Violation> errors) {
        BigDecimal amount;
        try {
            amount = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            errors.add(new Violation(field, "must be a decimal such as 100000.00"));
            return null;
        }
        if (amount.signum() < 0 || (amount.signum() == 0 && !zeroAllowed)) {
            errors.add(new Violation(field, zeroAllowed ? "must not be negative" : "must be positive"));
            return null;
        }
        int digits = currencyDigits(currency);
        if (digits >= 0 && amount.stripTrailingZeros().scale() > digits) {
            errors.add(new Violation(field, "must have at most " + digits + " decimals in " + currency));
            return null;
        }
        return digits >= 0 ? amount.setScale(digits) : amount;
    }

    /** Adds a violation of {@code currency} unless it is the programme's (no FX rate source is configured). */
    public static void requireProgrammeCurrency(Programme programme, String currency, List<Violation> errors) {
        if (!programme.getReportingCurrency().equals(currency)) {
            errors.add(new Violation("currency", "must be the programme's reporting currency "
                    + programme.getReportingCurrency() + ": no FX rate source is configured"));
        }
    }

    private static int currencyDigits(String currency) {
        try {
            return Money.fractionDigits(currency);
        } catch (RuntimeException e) {
            return -1; // an unknown currency is reported by the currency check
        }
    }
}
