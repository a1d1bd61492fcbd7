package io.tally.benchmarks.chaos;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the chaos scenario does.
 *
 * @param root the repository root (where the services' {@code target/quarkus-app} are)
 * @param logDirectory where the services' logs go
 * @param load how long the collector is under load; the faults are spread evenly over it
 * @param rate journeys per second offered (each is two requests: a page view, then a purchase)
 * @param threads how many clients send journeys
 * @param faults the faults, in the order they are injected
 * @param settleTimeout how long, after the load, the ledger, the outbox and the consumers may take to settle
 */
public record ChaosConfig(Path root, Path logDirectory, Duration load, double rate, int threads, List<Fault> faults,
        Duration settleTimeout) {

    /** Every fault once, in the order of the issue: each service killed, then Kafka, then PostgreSQL. */
    public static final List<Fault> ALL_FAULTS = List.of(Fault.values());

    public ChaosConfig {
        faults = List.copyOf(faults);
        if (rate <= 0 || threads <= 0) {
            throw new IllegalArgumentException("rate and threads must be positive");
        }
    }

    /**
     * {@code --seconds 300 --rate 20 --threads 4 --faults kill-attribution,...,restart-postgres --settle-seconds 300}
     * (the defaults).
     */
    public static ChaosConfig fromOptions(Map<String, String> options) {
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        List<Fault> faults = options.containsKey("faults")
                ? Arrays.stream(options.get("faults").split(",")).map(Fault::ofOption).toList()
                : ALL_FAULTS;
        return new ChaosConfig(root, root.resolve(".tally/logs/chaos"),
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "300"))),
                Double.parseDouble(options.getOrDefault("rate", "20")),
                Integer.parseInt(options.getOrDefault("threads", "4")), faults,
                Duration.ofSeconds(Long.parseLong(options.getOrDefault("settle-seconds", "300"))));
    }
}
