package io.tally.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole Tally suite on one machine: embedded PostgreSQL and Kafka in this JVM, the four packaged services as child
 * processes configured the way a deployment configures them (environment variables, prod profile). {@code ./tally up}
 * runs {@link #main}; the system tests use {@link #start}.
 */
public final class Suite implements AutoCloseable {

    /** How long a service may take to become ready. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final Devstack devstack;
    private final List<ServiceProcess> services;
    private final SuitePorts ports;

    private Suite(Devstack devstack, List<ServiceProcess> services, SuitePorts ports) {
        this.devstack = devstack;
        this.services = services;
        this.ports = ports;
    }

    /**
     * Starts infrastructure and services and waits until the gateway is ready.
     *
     * @param root the repository root (where the modules' {@code target/} folders are)
     * @param dataDirectory where PostgreSQL and Kafka keep data across runs, or null for throw-away data
     * @param logDirectory where each service's output goes
     */
    public static Suite start(Path root, Path dataDirectory, Path logDirectory, SuitePorts ports) {
        Devstack devstack = Devstack.start(dataDirectory, ports.postgres(), ports.kafka());
        List<ServiceProcess> started = new ArrayList<>();
        Suite suite = new Suite(devstack, started, ports);
        try {
            Map<String, String> infra = Map.of(
                    "TALLY_DB_URL", devstack.postgres().jdbcUrl(),
                    "TALLY_DB_USER", PostgresServer.USER,
                    "TALLY_DB_PASSWORD", PostgresServer.PASSWORD,
                    "KAFKA_BOOTSTRAP_SERVERS", devstack.kafka().bootstrapServers());
            started.add(ServiceProcess.start(root, "campaign-service", ports.campaign(), infra, logDirectory));
            started.add(ServiceProcess.start(root, "attribution-service", ports.attribution(), infra, logDirectory));
            started.add(ServiceProcess.start(root, "channel-connectors", ports.connectors(), infra, logDirectory));
            started.add(ServiceProcess.start(root, "gateway", ports.gateway(), Map.of(
                    "TALLY_CAMPAIGN_URL", "http://localhost:" + ports.campaign(),
                    "TALLY_ATTRIBUTION_URL", "http://localhost:" + ports.attribution(),
                    "TALLY_CONNECTORS_URL", "http://localhost:" + ports.connectors()), logDirectory));
            for (ServiceProcess service : started) {
                service.awaitReady(READY_TIMEOUT);
            }
            return suite;
        } catch (RuntimeException e) {
            suite.close();
            throw e;
        }
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    public Devstack devstack() {
        return devstack;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** Stops the services (gateway first), then Kafka and PostgreSQL. */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        devstack.close();
    }

    /** {@code ./tally up [--demo] [--fresh]}: runs until Ctrl-C, then stops everything it started. */
    public static void main(String[] args) throws InterruptedException {
        SuiteCommand command = SuiteCommand.parse(args);
        if (command.help()) {
            System.out.println(SuiteCommand.USAGE);
            return;
        }
        command.prepareDataDirectory();
        System.out.println("Starting PostgreSQL, Kafka and the Tally services (logs in " + command.logDirectory()
                + ") ...");
        long started = System.nanoTime();
        Suite suite;
        try {
            suite = start(command.root(), command.dataDirectory(), command.logDirectory(), SuitePorts.defaults());
        } catch (RuntimeException e) {
            System.err.println("Tally did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping Tally ...");
            suite.close();
            stopped.countDown();
        }, "tally-shutdown"));
        System.out.printf("Tally is up in %d s.%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
        if (command.demo()) {
            System.out.println(new DemoData(suite.gatewayUrl()).load());
        }
        SuitePorts ports = SuitePorts.defaults();
        System.out.println("""

                  Gateway      %s
                  Swagger UI   %s/q/swagger-ui
                  PostgreSQL   %s  (user postgres, password postgres)
                  Kafka        %s

                Press Ctrl-C to stop.""".formatted(suite.gatewayUrl(), suite.gatewayUrl(),
                suite.devstack().postgres().jdbcUrl(), "localhost:" + ports.kafka()));
        stopped.await();
    }
}
