package io.tally.benchmarks;

import java.util.Map;

import io.tally.benchmarks.chaos.ChaosConfig;
import io.tally.benchmarks.chaos.ChaosFigures;
import io.tally.benchmarks.chaos.ChaosScenario;

/**
 * Faults under load ({@code ./tally chaos}): the packaged suite with the collector under steady load while each
 * service is killed with {@code kill -9}, the Kafka broker and PostgreSQL restarted; then every accepted order must be
 * credited exactly once, the outboxes drained and no consumer behind. Prints the figures; exits 1 if a check failed.
 */
public final class ChaosRun {

    static final String USAGE = """
            Usage: ./tally chaos [--seconds 300] [--rate 20] [--threads 4] [--settle-seconds 300]
                                 [--faults kill-attribution,kill-connectors,kill-campaign,kill-gateway,restart-kafka,restart-postgres]

              --seconds         how long the collector is under load; the faults are spread evenly over it
              --rate            journeys per second (a page view, then a purchase with a known revenue)
              --threads         beacon clients; each retries a refused request with the same body until it is accepted
              --settle-seconds  how long the ledger, outboxes and consumers may take to settle after the load
              --faults          which faults, in order (default: all six)""";

    private ChaosRun() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && (args[args.length - 1].equals("--help") || args[args.length - 1].equals("-h"))) {
            System.out.println(USAGE);
            return;
        }
        Map<String, String> options = Options.parse(args);
        ChaosConfig config = ChaosConfig.fromOptions(options);
        System.out.println(Machine.describe());
        ChaosFigures figures = new ChaosScenario(config, System.out).run();
        System.out.println();
        figures.print(System.out);
        System.exit(figures.passed() ? 0 : 1);
    }
}
