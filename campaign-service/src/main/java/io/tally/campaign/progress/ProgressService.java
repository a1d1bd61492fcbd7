package io.tally.campaign.progress;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tally.campaign.api.ProgressResponse;
import io.tally.campaign.budgets.CampaignBudget;
import io.tally.campaign.budgets.CampaignBudgetRepository;
import io.tally.campaign.campaigns.Campaign;
import io.tally.campaign.campaigns.CampaignRepository;
import io.tally.campaign.config.CampaignConfig;
import io.tally.campaign.goals.Goal;
import io.tally.campaign.goals.GoalRepository;
import io.tally.campaign.goals.GoalSettings;
import io.tally.campaign.pacing.GoalPeriod;
import io.tally.campaign.pacing.GoalProgress;
import io.tally.campaign.pacing.PacingCurve;
import io.tally.campaign.pacing.PacingCurves;
import io.tally.campaign.pacing.ProgressCalculator;
import io.tally.campaign.pacing.Thresholds;
import io.tally.campaign.plans.PlanInputs;
import io.tally.campaign.plans.PlannedAmount;
import io.tally.campaign.programmes.Programme;
import io.tally.campaign.programmes.ProgrammeService;
import io.tally.campaign.programmes.ProgrammeSettings;
import io.tally.campaign.progress.ProgressInputRepository.Amounts;
import io.tally.events.Money;

/**
 * A programme's progress in a period: revenue attributed under its official model and cost reported, from the first
 * day of the period to the day of {@code asOf} (in the programme's time zone), against each goal's pacing.
 */
@ApplicationScoped
public class ProgressService {

    @Inject
    ProgrammeService programmes;
    @Inject
    CampaignRepository campaigns;
    @Inject
    GoalRepository goals;
    @Inject
    ProgressInputRepository inputs;
    @Inject
    CampaignBudgetRepository budgetLines;
    @Inject
    CampaignConfig config;

    /** The programme's progress in a period as of an instant (now when null). */
    @Transactional
    public ProgressResponse progress(UUID programmeId, String periodText, Instant asOf) {
        Programme programme = programmes.require(programmeId);
        GoalPeriod period = PlanInputs.period(programme, periodText);
        Instant at = asOf == null ? ProgrammeService.now() : asOf;
        Inputs in = inputs(programme, period, at);
        int scale = Money.fractionDigits(programme.getReportingCurrency());

        List<ProgressResponse.Goal> goalRows = new ArrayList<>();
        for (Goal goal : goals.findByProgramme(programmeId, period.label())) {
            GoalProgress p = progressOf(goal, in, period, at, scale, pacing(programme));
            GoalSettings s = goal.settings();
            goalRows.add(new ProgressResponse.Goal(goal.getId(), s.campaignId(), s.channel(), text(p.goal()),
                    text(p.attributed()), text(p.cost()), text(p.roas()), text(p.percentOfGoal()),
                    text(p.elapsedFraction()), text(p.expectedToDate()), text(p.variance()), text(p.forecast()),
                    p.forecastMethod(), text(p.remaining()), text(p.requiredDailyRate()), p.status().wireName()));
        }
        Map<UUID, String> names = new TreeMap<>();
        for (Campaign c : campaigns.findByProgramme(programmeId)) {
            names.put(c.getId(), c.getName());
        }
        Map<UUID, BigDecimal> budgetOf = budgets(programmeId, period, scale);
        Map<UUID, ProgressTotals> campaignTotals = ProgressTotals.by(Amounts::campaignId, in.attributed(),
                in.costs());
        budgetOf.keySet().forEach(id -> campaignTotals.putIfAbsent(id, ProgressTotals.ZERO));
        List<ProgressResponse.Breakdown> byCampaign = campaignTotals.entrySet().stream()
                .map(e -> row(e.getKey(), names.getOrDefault(e.getKey(), "?"), null, e.getValue(),
                        budgetOf.get(e.getKey()), scale))
                .toList();
        List<ProgressResponse.Breakdown> byChannel = ProgressTotals.by(Amounts::channel, in.attributed(), in.costs())
                .entrySet().stream()
                .map(e -> row(null, e.getKey(), e.getKey(), e.getValue(), null, scale)).toList();
        ProgressTotals total = ProgressTotals.of(in.attributed(), in.costs(), a -> true);
        BigDecimal budget = budgetOf.isEmpty()
                ? null
                : budgetOf.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> other = new TreeMap<>();
        in.otherCurrencies().forEach(a -> other.merge(a.currency(), a.amount(), BigDecimal::add));
        return new ProgressResponse(programmeId, period.label(), period.firstDay(), period.lastDay(),
                programme.getReportingCurrency(), programme.settings().officialModel(), pacing(programme).name(), at,
                text(money(total.attributed(), scale)), text(total.conversions().stripTrailingZeros()),
                text(money(total.cost(), scale)), text(total.roas()), text(budget),
                text(total.budgetSpent(budget)), goalRows, byCampaign,
                byChannel,
                other.entrySet().stream().map(e -> new ProgressResponse.OtherCurrency(e.getKey(),
                        e.getValue().toPlainString())).toList(),
                pacingCurve(pacing(programme), period));
    }

    /**
     * What the curve expects by the end of each day of the period (the next day's start in the programme's zone); a
     * point per month's last day (and the period's last) for periods over {@link ProgressResponse#DAILY_POINTS} days.
     */
    static List<ProgressResponse.PacingPoint> pacingCurve(PacingCurve curve, GoalPeriod period) {
        boolean daily = ChronoUnit.DAYS.between(period.firstDay(), period.lastDay()) < ProgressResponse.DAILY_POINTS;
        List<ProgressResponse.PacingPoint> points = new ArrayList<>();
        for (LocalDate day = period.firstDay(); !day.isAfter(period.lastDay()); day = day.plusDays(1)) {
            if (daily || day.equals(period.lastDay()) || day.getDayOfMonth() == day.lengthOfMonth()) {
                Instant end = day.plusDays(1).atStartOfDay(period.zone()).toInstant();
                points.add(new ProgressResponse.PacingPoint(day,
                        curve.expectedFraction(period, end).setScale(6, RoundingMode.HALF_EVEN).toPlainString()));
            }
        }
        return points;
    }

    /** One goal's progress as of an instant, for the status monitor. */
    public GoalProgress progressOf(Goal goal, Programme programme, Instant at) {
        GoalSettings s = goal.settings();
        GoalPeriod period = new GoalPeriod(s.period(), s.firstDay(), s.lastDay(),
                ZoneId.of(programme.getTimeZone()));
        return progressOf(goal, inputs(programme, period, at), period, at,
                Money.fractionDigits(programme.getReportingCurrency()), pacing(programme));
    }

    private GoalProgress progressOf(Goal goal, Inputs in, GoalPeriod period, Instant at, int scale,
            PacingCurve pacing) {
        GoalSettings s = goal.settings();
        Predicate<Amounts> scope = a -> (s.campaignId() == null || s.campaignId().equals(a.campaignId()))
                && (s.channel() == null || s.channel().equals(a.channel()));
        ProgressTotals totals = ProgressTotals.of(in.attributed(), in.costs(), scope);
        return calculator(pacing).compute(s.amount(), scale, totals.attributed(), totals.cost(), period, at);
    }

    private ProgressCalculator calculator(PacingCurve pacing) {
        CampaignConfig.Goals g = config.goals();
        return new ProgressCalculator(pacing, new Thresholds(g.onTrack(), g.atRisk(), g.minElapsed()));
    }

    /** The programme's pacing curve (linear unless it set weekday weights). */
    private static PacingCurve pacing(Programme programme) {
        ProgrammeSettings s = programme.settings();
        return PacingCurves.of(s.pacing(), s.weekdayWeights());
    }

    /** The programme's revenue (official model) and costs in its currency, first day to the day of {@code at}. */
    private Inputs inputs(Programme programme, GoalPeriod period, Instant at) {
        LocalDate today = at.atZone(period.zone()).toLocalDate();
        LocalDate to = today.isBefore(period.lastDay()) ? today : period.lastDay();
        if (to.isBefore(period.firstDay())) {
            return new Inputs(List.of(), List.of(), List.of());
        }
        String currency = programme.getReportingCurrency();
        List<Amounts> attributed = inputs.attributed(programme.getId(), programme.settings().officialModel(),
                period.firstDay(), to);
        List<Amounts> costs = inputs.costs(programme.getId(), period.firstDay(), to);
        return new Inputs(attributed.stream().filter(a -> a.currency().equals(currency)).toList(),
                costs.stream().filter(a -> a.currency().equals(currency)).toList(),
                attributed.stream().filter(a -> !a.currency().equals(currency)).toList());
    }

    private static ProgressResponse.Breakdown row(UUID campaignId, String name, String channel, ProgressTotals totals,
            BigDecimal budget, int scale) {
        return new ProgressResponse.Breakdown(campaignId, name, channel, text(money(totals.attributed(), scale)),
                text(totals.conversions().stripTrailingZeros()), text(money(totals.cost(), scale)),
                text(totals.roas()), text(budget), text(totals.budgetSpent(budget)));
    }

    /**
     * Each campaign's budget for the period: every budget line prorated by the days it shares with the period
     * (amount × shared days / its days, half-even to the currency's digits; a line inside the period counts whole).
     */
    private Map<UUID, BigDecimal> budgets(UUID programmeId, GoalPeriod period, int scale) {
        Map<UUID, BigDecimal> byCampaign = new TreeMap<>();
        for (CampaignBudget b : budgetLines.findByProgrammeOverlapping(programmeId, period.firstDay(),
                period.lastDay())) {
            PlannedAmount line = b.line();
            LocalDate first = line.firstDay().isAfter(period.firstDay()) ? line.firstDay() : period.firstDay();
            LocalDate last = line.lastDay().isBefore(period.lastDay()) ? line.lastDay() : period.lastDay();
            long shared = ChronoUnit.DAYS.between(first, last) + 1;
            long days = ChronoUnit.DAYS.between(line.firstDay(), line.lastDay()) + 1;
            BigDecimal amount = line.amount().multiply(BigDecimal.valueOf(shared))
                    .divide(BigDecimal.valueOf(days), scale, RoundingMode.HALF_EVEN);
            byCampaign.merge(b.getCampaignId(), amount, BigDecimal::add);
        }
        return byCampaign;
    }

    private static BigDecimal money(BigDecimal amount, int scale) {
        return amount.setScale(scale, RoundingMode.HALF_EVEN);
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** What progress is computed from, in the programme's currency, plus revenue in other currencies. */
    private record Inputs(List<Amounts> attributed, List<Amounts> costs, List<Amounts> otherCurrencies) {
        Inputs {
            Objects.requireNonNull(attributed);
        }
    }
}
