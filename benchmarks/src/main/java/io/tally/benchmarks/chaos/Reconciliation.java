package io.tally.benchmarks.chaos;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ledger against what the clients know: every accepted order credited exactly once (one conversion, its revenue to
 * the cent) under the checked model, the report agreeing, the outboxes drained and every consumer caught up.
 */
final class Reconciliation {

    private final SuiteProbe probe;
    private final Map<String, Long> accepted;
    private final Set<String> unanswered;
    private final LocalDate day;
    private final long revenueSent;

    /**
     * @param accepted accepted order ids and their revenue in cents
     * @param unanswered orders sent but never answered 202
     * @param day the day of the journeys, the report's period
     */
    Reconciliation(SuiteProbe probe, Map<String, Long> accepted, Set<String> unanswered, LocalDate day) {
        this.probe = probe;
        this.accepted = Map.copyOf(accepted);
        this.unanswered = Set.copyOf(unanswered);
        this.day = day;
        this.revenueSent = accepted.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Whether the suite has settled: ledger, report, outboxes and lag all as they must end up. */
    boolean settled() throws Exception {
        Map<String, SuiteProbe.Credit> credits = probe.credits();
        boolean ledger = accepted.entrySet().stream().allMatch(order -> exact(credits.get(order.getKey()),
                order.getValue()));
        if (!ledger || probe.unpublishedOutbox().values().stream().anyMatch(n -> n > 0)
                || probe.lag().values().stream().anyMatch(n -> n > 0)) {
            return false;
        }
        ChaosFigures.ReportTotal report = probe.reportTotal(day);
        return report.revenue().compareTo(ChaosScenario.euros(revenueSent)) == 0
                && report.conversions().compareTo(BigDecimal.valueOf(accepted.size())) == 0;
    }

    /** The figures as they stand now. */
    ChaosFigures figures(List<JourneyLoad.Answer> answers, List<ChaosFigures.FaultFigures> faults,
            double settleSeconds) throws Exception {
        Map<String, SuiteProbe.Credit> credits = probe.credits();
        long exact = 0;
        long lost = 0;
        long doubled = 0;
        for (Map.Entry<String, Long> order : accepted.entrySet()) {
            SuiteProbe.Credit credit = credits.get(order.getKey());
            if (exact(credit, order.getValue())) {
                exact++;
            } else if (credit == null || credit.units() < SuiteProbe.ONE_CONVERSION
                    || credit.cents() < order.getValue()) {
                lost++;
            } else {
                doubled++;
            }
        }
        long creditedWithout202 = credits.keySet().stream().filter(id -> !accepted.containsKey(id)).count();
        long creditedCents = credits.entrySet().stream().filter(c -> accepted.containsKey(c.getKey()))
                .mapToLong(c -> c.getValue().cents()).sum();
        Map<String, Long> refused = answers.stream().filter(a -> !a.accepted())
                .collect(Collectors.groupingBy(JourneyLoad.Answer::outcome, Collectors.counting()));
        long acceptedRequests = answers.stream().filter(JourneyLoad.Answer::accepted).count();
        return new ChaosFigures(answers.size(), acceptedRequests, refused, faults, accepted.size(),
                unanswered.size(), exact, lost, doubled, creditedWithout202, ChaosScenario.euros(revenueSent),
                ChaosScenario.euros(creditedCents), probe.reportTotal(day), probe.unpublishedOutbox(), probe.lag(),
                settleSeconds);
    }

    private static boolean exact(SuiteProbe.Credit credit, long cents) {
        return credit != null && credit.units() == SuiteProbe.ONE_CONVERSION && credit.cents() == cents;
    }
}
