package io.tally.simulator;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ./tally simulate}: draws a scenario's customers, writes their path file and prints the true incremental
 * shares per channel.
 */
public final class SimulateCommand {

    /** The options of one run. */
    record Settings(String scenario, int customers, long seed, Path out, boolean states, String experiment) {
    }

    private SimulateCommand() {
    }

    public static void main(String[] args) throws IOException {
        Settings settings;
        try {
            settings = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: ./tally simulate [--scenario confounded --customers 20000 --seed 7"
                    + " --out paths.csv --states --experiment paid_search]; scenarios: "
                    + String.join(", ", Scenario.NAMES.stream().sorted().toList()));
            System.exit(2);
            return;
        }
        run(settings, System.out);
    }

    static Settings parse(String[] args) {
        String scenario = "confounded";
        int customers = 20_000;
        long seed = 7;
        Path out = Path.of("paths.csv");
        boolean states = false;
        String experiment = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--scenario" -> scenario = value(args, ++i);
                case "--customers" -> customers = Integer.parseInt(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--out" -> out = Path.of(value(args, ++i));
                case "--states" -> states = true;
                case "--experiment" -> experiment = value(args, ++i);
                case "--root" -> value(args, ++i); // the tally script's; paths are relative to where it runs
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Scenario named = Scenario.named(scenario); // refuses an unknown name
        String tested = experiment;
        if (tested != null && named.channels().stream().noneMatch(c -> c.channel().equals(tested))) {
            throw new IllegalArgumentException("--experiment: scenario " + scenario + " has no channel " + tested);
        }
        if (customers < 1) {
            throw new IllegalArgumentException("--customers must be at least 1, got " + customers);
        }
        return new Settings(scenario, customers, seed, out, states, experiment);
    }

    static void run(Settings settings, PrintStream console) throws IOException {
        Scenario scenario = Scenario.named(settings.scenario());
        List<Customer> customers = Simulator.run(scenario, settings.customers(), settings.seed());
        try (Writer writer = Files.newBufferedWriter(settings.out(), StandardCharsets.UTF_8)) {
            PathFiles.write(customers, settings.states(), writer);
        }
        long conversions = customers.stream().filter(Customer::converted).count();
        BigDecimal revenue = customers.stream().map(Customer::revenue).reduce(BigDecimal.ZERO, BigDecimal::add);
        console.printf(Locale.ROOT, "scenario %s, %d customers, seed %d: %d conversions, revenue %s%n",
                scenario.name(), customers.size(), settings.seed(), conversions, revenue.toPlainString());
        console.printf(Locale.ROOT, "wrote %s (%d paths of %s)%n", settings.out(),
                PathFiles.rows(customers, settings.states()).size(),
                settings.states() ? "channel:kind states" : "channels");
        Map<String, Double> byConversions = Truth.credit(scenario.model(), customers, Truth.Weight.CONVERSIONS);
        Map<String, Double> byRevenue = Truth.credit(scenario.model(), customers, Truth.Weight.REVENUE);
        Map<String, Double> conversionShares = Truth.shares(byConversions);
        Map<String, Double> revenueShares = Truth.shares(byRevenue);
        Map<String, BigDecimal> costs = Costs.of(scenario, customers);
        console.println(
                "true incremental credit per channel (Shapley of P(convert | channels seen) - P(convert | none),"
                        + " summed over every customer), the channel's cost and its true ROI ((revenue - cost) / cost):");
        console.printf(Locale.ROOT, "%-16s %14s %10s %14s %10s %12s %10s%n", "channel", "conversions", "share",
                "revenue", "share", "cost", "true ROI");
        for (String channel : byConversions.keySet()) {
            BigDecimal trueRevenue = BigDecimal.valueOf(byRevenue.get(channel)).setScale(2,
                    java.math.RoundingMode.HALF_EVEN);
            BigDecimal cost = costs.getOrDefault(channel, BigDecimal.ZERO);
            BigDecimal roi = Costs.roi(trueRevenue, cost);
            console.printf(Locale.ROOT, "%-16s %14.2f %10.4f %14.2f %10.4f %12s %10s%n", channel,
                    byConversions.get(channel), conversionShares.getOrDefault(channel, 0.0), byRevenue.get(channel),
                    revenueShares.getOrDefault(channel, 0.0), cost.toPlainString(),
                    roi == null ? "-" : roi.toPlainString());
        }
        if (settings.experiment() != null) {
            // a fresh population of the same size, so the test does not reuse the journeys of the path file
            Experiment test = Experiment.run(scenario, settings.experiment(), settings.customers(),
                    settings.seed() + 1_000_003L);
            console.printf(Locale.ROOT, "holdout test of %s: %d treated, %d held out; relative lift %.4f"
                    + " (90%% interval %.4f to %.4f); share of the treated conversions it caused %.4f%n",
                    test.channel(), test.treated(), test.held(), test.lift(), test.low(), test.high(),
                    test.incrementalShare());
        }
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
