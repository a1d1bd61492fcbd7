package io.tally.benchmarks;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tally.devstack.ApiFuzzer;
import io.tally.devstack.Suite;
import io.tally.devstack.SuitePorts;

/**
 * {@code ./tally fuzz}: starts the packaged suite on throw-away data and sends {@code --per-operation} malformed
 * requests (seeded by {@code --seed}) to every operation of the four OpenAPI documents through the gateway; prints the
 * requests per operation, the statuses, and every 5xx or leaking answer. Exits 1 when there is any.
 */
public final class FuzzRun {

    private static final List<String> MODULES = List.of("campaign-service", "attribution-service",
            "channel-connectors", "gateway");

    private FuzzRun() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int perOperation = Integer.parseInt(options.getOrDefault("per-operation", "1000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        List<ApiFuzzer.Operation> operations = new ArrayList<>();
        for (String module : MODULES) {
            operations.addAll(ApiFuzzer.operations(Files.readString(root.resolve(module).resolve(
                    "openapi/openapi.json"))));
        }
        System.out.println(Machine.describe());
        Path logs = Files.createDirectories(root.resolve(".tally/logs"));
        System.out.printf("Starting the suite (logs in %s); %d operations, %d malformed requests each, seed %d%n",
                logs, operations.size(), perOperation, seed);
        ApiFuzzer.Report report;
        long started;
        try (Suite suite = Suite.start(root, null, logs, Files.createTempDirectory("tally-fuzz-keys"),
                SuitePorts.random())) {
            started = System.nanoTime();
            report = new ApiFuzzer(URI.create(suite.gatewayUrl()), suite.issuer(), seed).fuzz(operations,
                    perOperation);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        report.requestsPerOperation().forEach((operation, count) -> System.out.printf("  %6d  %s%n", count,
                operation));
        System.out.printf("requests %,d in %.0f s; statuses %s; 5xx %d; findings %d%n", report.requests(), seconds,
                report.statuses(), report.serverErrors(), report.findings().size());
        report.findings().stream().limit(50).forEach(finding -> System.out.println("  " + finding));
        System.exit(report.findings().isEmpty() ? 0 : 1);
    }
}
