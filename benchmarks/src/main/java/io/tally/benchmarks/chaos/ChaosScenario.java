package io.tally.benchmarks.chaos;

import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.devstack.Suite;
import io.tally.devstack.SuitePorts;
import io.tally.support.security.Role;

/**
 * Faults under load: starts the packaged suite (data in a throw-away directory, so PostgreSQL and Kafka can be
 * restarted), creates a programme and a campaign through the gateway, puts the collector under a steady load of
 * journeys ({@link JourneyLoad}) and injects each fault in turn, then waits until the suite settles and reconciles the
 * ledger against what the clients know was accepted ({@link Reconciliation}). {@code ./tally chaos} and
 * {@code ChaosIT} run it.
 */
public final class ChaosScenario {

    /** A fault as injected: when, how long until the component was back and until the ledger had caught up. */
    private record Injected(Fault fault, long startNanos, double readySeconds, double caughtUpSeconds) {
    }

    /** How long a journey under way may keep retrying once the load ends. */
    private static final Duration CLIENT_GRACE = Duration.ofSeconds(90);
    /** How long the ledger may take to catch up with the orders accepted before a fault. */
    private static final Duration CATCH_UP_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ChaosConfig config;
    private final PrintStream log;

    /** @param log where progress is reported (the figures are returned, not printed) */
    public ChaosScenario(ChaosConfig config, PrintStream log) {
        this.config = config;
        this.log = log;
    }

    /** Runs the scenario on a suite of its own and returns its figures. */
    public ChaosFigures run() throws Exception {
        Path data = Files.createTempDirectory("tally-chaos-data");
        Path keys = Files.createTempDirectory("tally-chaos-keys");
        log.println("Starting PostgreSQL, Kafka and the four services (logs in " + config.logDirectory() + ") ...");
        try (Suite suite = Suite.start(config.root(), data, config.logDirectory(), keys, SuitePorts.random())) {
            return run(suite);
        } finally {
            deleteRecursively(data);
            deleteRecursively(keys);
        }
    }

    private ChaosFigures run(Suite suite) throws Exception {
        String runId = UUID.randomUUID().toString().substring(0, 8);
        String code = "chaos-" + runId;
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        createProgrammeAndCampaign(suite, code);
        SuiteProbe probe = new SuiteProbe(suite, "chaos-" + runId + "-o-");
        awaitTrue("the campaign's tracking code to reach attribution-service", Duration.ofSeconds(120),
                () -> probe.trackingCodeKnown(code));

        JourneyLoad load = new JourneyLoad(suite.gatewayUrl(), code, "chaos-" + runId, day, config.rate(),
                config.threads());
        log.printf("Load: %.1f journeys/s from %d clients for %d s; faults: %s%n", config.rate(), config.threads(),
                config.load().toSeconds(), config.faults().stream().map(Fault::label).toList());
        long loadStart = System.nanoTime();
        load.start();
        List<Injected> injected = new ArrayList<>();
        long spacing = config.load().toNanos() / (config.faults().size() + 1);
        for (int i = 0; i < config.faults().size(); i++) {
            Fault fault = config.faults().get(i);
            sleepUntil(loadStart + spacing * (i + 1));
            int acceptedBefore = load.acceptedOrderCount();
            long faultStart = System.nanoTime();
            log.printf("%6.1f s  %s ...%n", seconds(faultStart - loadStart), fault.label());
            fault.inject(suite);
            double ready = seconds(System.nanoTime() - faultStart);
            boolean caughtUp = awaitTrue(null, CATCH_UP_TIMEOUT, () -> probe.creditedOrders() >= acceptedBefore);
            double caughtUpSeconds = caughtUp ? seconds(System.nanoTime() - faultStart) : -1;
            log.printf("%6.1f s  %s: back in %.1f s, ledger caught up with %d orders in %s%n",
                    seconds(System.nanoTime() - loadStart), fault.label(), ready, acceptedBefore,
                    caughtUp ? "%.1f s".formatted(caughtUpSeconds) : "no time (gave up)");
            injected.add(new Injected(fault, faultStart, ready, caughtUpSeconds));
        }
        sleepUntil(loadStart + config.load().toNanos());
        long loadEnd = System.nanoTime();
        log.printf("%6.1f s  load ends; waiting for the last journeys, the ledger, the outboxes and the consumers%n",
                seconds(loadEnd - loadStart));
        load.stop(CLIENT_GRACE);

        Reconciliation reconciliation = new Reconciliation(probe, load.acceptedOrders(), load.unansweredOrders(),
                day);
        boolean settled = awaitTrue(null, config.settleTimeout(), reconciliation::settled);
        double settleSeconds = settled ? seconds(System.nanoTime() - loadEnd) : -1;
        List<ChaosFigures.FaultFigures> faults = faultFigures(load.answers(), injected, loadStart, loadEnd);
        return reconciliation.figures(load.answers(), faults, settleSeconds);
    }

    /** Each fault's figures; its window runs until the next fault (the last one's until the load ended). */
    private static List<ChaosFigures.FaultFigures> faultFigures(List<JourneyLoad.Answer> answers,
            List<Injected> injected, long loadStart, long loadEnd) {
        List<ChaosFigures.FaultFigures> figures = new ArrayList<>();
        for (int i = 0; i < injected.size(); i++) {
            Injected fault = injected.get(i);
            long from = fault.startNanos();
            long to = i + 1 < injected.size() ? injected.get(i + 1).startNanos() : loadEnd;
            List<JourneyLoad.Answer> refusals = answers.stream()
                    .filter(a -> !a.accepted() && a.answeredNanos() >= from && a.answeredNanos() < to).toList();
            // accepting again: the first 202 to a request sent after the window's last refusal (or after the fault)
            long lastRefusal = refusals.stream().mapToLong(JourneyLoad.Answer::answeredNanos).max().orElse(from);
            double acceptingAgain = answers.stream().filter(a -> a.accepted() && a.sentNanos() >= lastRefusal)
                    .mapToLong(JourneyLoad.Answer::answeredNanos).min().stream()
                    .mapToDouble(t -> seconds(t - from)).findFirst().orElse(-1);
            figures.add(new ChaosFigures.FaultFigures(fault.fault().label(), seconds(from - loadStart),
                    fault.readySeconds(), acceptingAgain, fault.caughtUpSeconds(), refusals.size()));
        }
        return figures;
    }

    private void createProgrammeAndCampaign(Suite suite, String code) throws Exception {
        String programme = JSON.readTree(post(suite, "/api/v1/programmes", Map.of("name", "Chaos " + code,
                "reportingCurrency", "EUR", "timeZone", "Europe/Berlin", "lookbackDays", 30))).path("id").asText();
        post(suite, "/api/v1/programmes/" + programme + "/campaigns",
                Map.of("name", "Chaos social", "channel", "paid_social", "trackingCodes", List.of(code)));
        log.println("Programme " + programme + ", campaign with tracking code " + code);
    }

    private static String post(Suite suite, String path, Object body) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + path)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", suite.issuer().bearer(Role.MARKETER))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /**
     * Polls {@code condition} (a failing probe, e.g. while PostgreSQL restarts, counts as false) until it holds or
     * {@code timeout} passes; fails if {@code what} is given and it never held, else returns whether it did.
     */
    private static boolean awaitTrue(String what, Duration timeout, Callable<Boolean> condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.call()) {
                    return true;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                // the server is not back yet: ask again
            }
            if (System.nanoTime() > deadline) {
                if (what != null) {
                    throw new IllegalStateException("timed out after " + timeout + " waiting for " + what);
                }
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long remaining = nanos - System.nanoTime();
        if (remaining > 0) {
            TimeUnit.NANOSECONDS.sleep(remaining);
        }
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    static BigDecimal euros(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }
}
