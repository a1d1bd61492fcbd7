package io.tally.benchmarks.chaos;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a chaos run measured: the requests, the faults and how long each took to recover, and the reconciliation of the
 * ledger against what the clients know they sent.
 *
 * @param requests requests sent (every attempt, retries included)
 * @param acceptedRequests requests answered 202
 * @param refused requests not answered 202, by status or error ({@code timeout}, {@code no connection})
 * @param faults each injected fault and its recovery
 * @param ordersAccepted orders whose purchase was answered 202
 * @param ordersUnanswered orders whose purchase was never answered 202 before the clients gave up
 * @param ordersCredited accepted orders credited exactly once, to the cent
 * @param lost accepted orders with less than one conversion or less than their revenue credited
 * @param doubled accepted orders with more than one conversion or more than their revenue credited
 * @param creditedWithout202 orders credited that were never answered 202
 * @param revenueSent the revenue of the accepted orders
 * @param revenueCredited the ledger's credit for this run's orders under the checked model
 * @param report the attribution report's total for the day, through the gateway
 * @param unpublishedOutbox outbox rows not relayed to Kafka, per table
 * @param lag records not committed, per consumer group
 * @param settleSeconds seconds from the end of the load until everything reconciled, or -1 if it never did
 */
public record ChaosFigures(long requests, long acceptedRequests, Map<String, Long> refused, List<FaultFigures> faults,
        long ordersAccepted, long ordersUnanswered, long ordersCredited, long lost, long doubled,
        long creditedWithout202, BigDecimal revenueSent, BigDecimal revenueCredited, ReportTotal report,
        Map<String, Long> unpublishedOutbox, Map<String, Long> lag, double settleSeconds) {

    /**
     * One fault and its recovery, in seconds from the moment it was injected.
     *
     * @param at when it was injected, seconds into the load
     * @param readySeconds until the component was back (a killed service ready, a server accepting connections)
     * @param acceptingAgainSeconds until the collector accepted again: the first 202 to a request sent after the last
     *        refusal between this fault and the next (after the fault began, if nothing was refused)
     * @param caughtUpSeconds until the ledger held every order accepted before the fault, or -1 if it did not in time
     * @param refusedDuring requests not answered 202 between this fault and the next
     */
    public record FaultFigures(String label, double at, double readySeconds, double acceptingAgainSeconds,
            double caughtUpSeconds, long refusedDuring) {
    }

    /** The report's total for the period: revenue and conversions, as the API states them. */
    public record ReportTotal(BigDecimal revenue, BigDecimal conversions) {
    }

    public ChaosFigures {
        refused = Map.copyOf(refused);
        faults = List.copyOf(faults);
        unpublishedOutbox = Map.copyOf(unpublishedOutbox);
        lag = Map.copyOf(lag);
    }

    /** Every accepted order credited exactly once, the report agreeing, the outboxes drained and no consumer behind. */
    public boolean passed() {
        return lost == 0 && doubled == 0 && ordersUnanswered == 0 && creditedWithout202 == 0
                && ordersCredited == ordersAccepted
                && revenueCredited.compareTo(revenueSent) == 0
                && report.revenue().compareTo(revenueSent) == 0
                && report.conversions().compareTo(BigDecimal.valueOf(ordersAccepted)) == 0
                && unpublishedOutbox.values().stream().allMatch(n -> n == 0)
                && lag.values().stream().allMatch(n -> n == 0);
    }

    public void print(PrintStream out) {
        out.printf("requests sent            %,d (%,d accepted 202, %,d not: %s)%n", requests, acceptedRequests,
                requests - acceptedRequests, new TreeMap<>(refused));
        out.printf("retries                  %,d (every request not answered 202 is sent again, same body)%n",
                requests - acceptedRequests);
        out.println("faults injected          " + faults.size());
        out.printf("  %-30s %7s %8s %15s %12s %8s%n", "fault", "at s", "back s", "accepting again s",
                "caught up s", "refused");
        for (FaultFigures f : faults) {
            out.printf("  %-30s %7.1f %8.1f %17.1f %12s %8d%n", f.label(), f.at(), f.readySeconds(),
                    f.acceptingAgainSeconds(), f.caughtUpSeconds() < 0 ? "no" : "%.1f".formatted(f.caughtUpSeconds()),
                    f.refusedDuring());
        }
        out.printf("orders accepted          %,d (unanswered when the clients stopped: %d)%n", ordersAccepted,
                ordersUnanswered);
        out.printf("orders credited          %,d exactly once (model %s)%n", ordersCredited, SuiteProbe.MODEL);
        out.printf("lost                     %d%n", lost);
        out.printf("doubled                  %d%n", doubled);
        out.printf("credited without a 202   %d%n", creditedWithout202);
        out.printf("revenue sent             %s EUR%n", revenueSent.toPlainString());
        out.printf("revenue credited         %s EUR (ledger); report: %s EUR over %s conversions%n",
                revenueCredited.toPlainString(), report.revenue().toPlainString(),
                report.conversions().toPlainString());
        out.printf("unpublished outbox rows  %s%n", new TreeMap<>(unpublishedOutbox));
        out.printf("consumer lag             %s%n", new TreeMap<>(lag));
        out.printf("settled after the load   %s%n", settleSeconds < 0
                ? "no (timed out)"
                : "%.1f s".formatted(
                        settleSeconds));
        out.println(passed()
                ? "PASSED: every accepted event credited exactly once"
                : "FAILED: see the figures above");
    }
}
