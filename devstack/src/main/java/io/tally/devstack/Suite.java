package io.tally.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The whole Tally suite on one machine: embedded PostgreSQL and Kafka in this JVM, the dashboard's local sign-in
 * ({@link LocalSignIn}), the four packaged services as child processes configured the way a deployment configures them
 * (environment variables, prod profile). {@code ./tally up} runs {@link #main}; the system tests use {@link #start}.
 */
public final class Suite implements AutoCloseable {

    /** How long a service may take to become ready. */
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    /** How long the tokens printed by {@code ./tally up} stay valid; a restart makes a new key and new tokens. */
    static final Duration TOKEN_LIFETIME = Duration.ofDays(7);

    private final Devstack devstack;
    private final LocalIssuer issuer;
    private final LocalSignIn signIn;
    private final List<ServiceProcess> services;
    private final SuitePorts ports;
    private final EspWebhookSigner espWebhook;

    private Suite(Devstack devstack, LocalIssuer issuer, LocalSignIn signIn, List<ServiceProcess> services,
            SuitePorts ports, EspWebhookSigner espWebhook) {
        this.devstack = devstack;
        this.issuer = issuer;
        this.signIn = signIn;
        this.services = services;
        this.ports = ports;
        this.espWebhook = espWebhook;
    }

    /**
     * Starts the local sign-in ({@link LocalSignIn}), infrastructure and services and waits until the gateway is ready.
     *
     * @param root the repository root (where the modules' {@code target/} folders are)
     * @param dataDirectory where PostgreSQL and Kafka keep data across runs, or null for throw-away data
     * @param logDirectory where each service's output goes
     * @param keyDirectory where the local token issuer's public key (a JWK set) is written for the services to read
     */
    public static Suite start(Path root, Path dataDirectory, Path logDirectory, Path keyDirectory,
            SuitePorts ports) {
        return start(root, dataDirectory, logDirectory, LocalIssuer.create(keyDirectory), ports);
    }

    /** As {@link #start(Path, Path, Path, Path, SuitePorts)}, with the services trusting the tokens of {@code issuer}. */
    static Suite start(Path root, Path dataDirectory, Path logDirectory, LocalIssuer issuer, SuitePorts ports) {
        return start(root, dataDirectory, logDirectory, issuer, ports, Map.of());
    }

    /** As above, with {@code extra} added to every service's environment (e.g. {@code --trace}'s). */
    static Suite start(Path root, Path dataDirectory, Path logDirectory, LocalIssuer issuer, SuitePorts ports,
            Map<String, String> extra) {
        // first, so a port taken by another run fails the start before anything slow
        LocalSignIn signIn = LocalSignIn.start(issuer, ports.signIn(),
                List.of("http://localhost:" + ports.gateway() + "/"));
        Devstack devstack;
        try {
            devstack = Devstack.start(dataDirectory, ports.postgres(), ports.kafka());
        } catch (RuntimeException e) {
            signIn.close();
            throw e;
        }
        List<ServiceProcess> started = new ArrayList<>();
        EspWebhookSigner espWebhook = EspWebhookSigner.generate();
        Suite suite = new Suite(devstack, issuer, signIn, started, ports, espWebhook);
        try {
            Map<String, String> infra = new HashMap<>(devstack.serviceEnvironment(issuer));
            infra.putAll(extra);
            started.add(ServiceProcess.start(root, "campaign-service", ports.campaign(), infra, logDirectory));
            started.add(ServiceProcess.start(root, "attribution-service", ports.attribution(), infra, logDirectory));
            Map<String, String> connectors = new HashMap<>(infra);
            connectors.putAll(espWebhook.connectorsEnvironment());
            started.add(ServiceProcess.start(root, "channel-connectors", ports.connectors(), connectors,
                    logDirectory));
            Map<String, String> gateway = new HashMap<>(devstack.serviceEnvironment(issuer));
            gateway.putAll(extra);
            gateway.putAll(issuer.gatewayEnvironment());
            gateway.putAll(signIn.gatewayEnvironment());
            gateway.put("TALLY_CAMPAIGN_URL", "http://localhost:" + ports.campaign());
            gateway.put("TALLY_ATTRIBUTION_URL", "http://localhost:" + ports.attribution());
            gateway.put("TALLY_CONNECTORS_URL", "http://localhost:" + ports.connectors());
            started.add(ServiceProcess.start(root, "gateway", ports.gateway(), gateway, logDirectory));
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

    /** The token issuer the services trust. */
    public LocalIssuer issuer() {
        return issuer;
    }

    /** The local sign-in the dashboard uses (authorization code with PKCE), signing with {@link #issuer()}. */
    public LocalSignIn signIn() {
        return signIn;
    }

    /** The generic ESP webhook channel-connectors accepts in this run (a secret made for the run). */
    public EspWebhookSigner espWebhook() {
        return espWebhook;
    }

    public Devstack devstack() {
        return devstack;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** The service started from module {@code name} ({@code gateway}, {@code attribution-service}, ...). */
    public ServiceProcess service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service named " + name));
    }

    /**
     * Kills service {@code name} as {@code kill -9} does, starts it again with the same environment and port, and waits
     * until it is ready. For fault tests.
     */
    public void restartService(String name) {
        ServiceProcess service = service(name);
        service.kill();
        service.restart();
        service.awaitReady(READY_TIMEOUT);
    }

    /** Stops the services (gateway first), then the local sign-in, Kafka and PostgreSQL. */
    @Override
    public void close() {
        for (int i = services.size() - 1; i >= 0; i--) {
            services.get(i).close();
        }
        signIn.close();
        devstack.close();
    }

    /**
     * {@code ./tally up [--demo] [--fresh] [--trace] [--simulate scenario]}: runs until Ctrl-C, then stops everything it
     * started.
     */
    public static void main(String[] args) throws InterruptedException {
        SuiteCommand command;
        try {
            command = SuiteCommand.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
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
            // this run's tokens are in .tally/tokens.env before the gateway starts, so before it can answer ready
            suite = command.startWithNewTokens(TOKEN_LIFETIME, issuer -> start(command.root(),
                    command.dataDirectory(), command.logDirectory(), issuer, SuitePorts.defaults(),
                    command.tracingEnvironment()));
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
        // the simulation first: the demo trains the data-driven models, and a trained version credits every
        // conversion that arrives after it, so the simulation's own versions would not credit its conversions
        if (command.simulate() != null) {
            System.out.println("Driving the " + command.simulate() + " scenario through the connectors ...");
            System.out.println(new SimulationLoad(suite, Duration.ofMinutes(30))
                    .run(command.simulate(), command.customers(), command.seed()).table());
        }
        if (command.demo()) {
            System.out.println(
                    new DemoData(suite.gatewayUrl(), suite.issuer(), suite.espWebhook()).load().instructions());
        }
        SuitePorts ports = SuitePorts.defaults();
        System.out.println("""

                  Gateway      %s
                  Dashboard    %s/  (sign in with any role: local sign-in on :%d)
                  Swagger UI   %s/q/swagger-ui
                  PostgreSQL   %s  (user postgres, password postgres)
                  Kafka        %s

                Tokens (valid %d days; roles analyst, finance, marketer, ingest, admin) are in %s:
                  source %s
                  curl -H "Authorization: Bearer $TALLY_TOKEN_ANALYST" %s/api/v1/attribution/models
                In Swagger UI, "Authorize" takes one of them.

                Press Ctrl-C to stop.""".formatted(suite.gatewayUrl(), suite.gatewayUrl(),
                suite.signIn().port(), suite.gatewayUrl(), suite.devstack().postgres().jdbcUrl(),
                "localhost:" + ports.kafka(), TOKEN_LIFETIME.toDays(),
                command.tokensFile(), command.root().relativize(command.tokensFile()), suite.gatewayUrl()));
        stopped.await();
    }
}
