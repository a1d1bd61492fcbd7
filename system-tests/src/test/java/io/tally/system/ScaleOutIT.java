package io.tally.system;

import static io.restassured.RestAssured.given;
import static io.tally.system.PacedPublisher.concat;
import static io.tally.system.PacedPublisher.everyTenth;
import static io.tally.system.PacedPublisher.record;
import static io.tally.system.PacedPublisher.shuffled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.tally.devstack.Devstack;
import io.tally.devstack.LocalIssuer;
import io.tally.devstack.ServiceFleet;
import io.tally.devstack.ServiceFleet.Instance;
import io.tally.events.Topics;
import io.tally.support.security.Role;
import io.tally.system.ScaleOutJourneys.Customer;
import io.tally.system.ScaleOutLedger.ModelCredit;

/**
 * Scale-out, proven on one machine (RELIABILITY.md, "Scale-out"): several instances of each service on one embedded PostgreSQL and one Kafka
 * broker whose topics have 12 partitions (as on Kubernetes), instances stopped, killed and started while events flow.
 * <ul>
 * <li>Three attribution-service instances in one consumer group: a known set of customers' touches, orders, identity
 * links across partitions, refunds and redeliveries, published to Kafka while instances come and go, end in the ledger
 * exactly as worked out by hand.</li>
 * <li>Two channel-connectors and two campaign-service instances behind one gateway: beacons and a marketer keep
 * calling through the gateway while one instance of each is stopped or killed and started again; nothing accepted is
 * lost or doubled.</li>
 * </ul>
 * Every instance runs the packaged service as {@code ./tally up} runs it; the fleet (its own PostgreSQL and Kafka) is
 * started once for both tests and stopped after them. The attribution test runs first: it stops attribution instances,
 * which must not happen while the gateway test's events are still being credited.
 */
@Order(6)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutIT {

    /** The rule-based models every conversion is credited under (the data-driven ones credit only once trained). */
    static final List<String> RULE_BASED = List.of("first_touch", "last_touch", "last_non_direct", "linear",
            "time_decay", "position_based", "j_curve", "inverse_j", "custom");
    /** The topics attribution-service's consumer group reads. */
    static final List<String> ATTRIBUTION_TOPICS = List.of(Topics.TOUCHPOINTS, Topics.CONVERSIONS,
            Topics.IDENTITY_LINKS, Topics.CONVERSION_ADJUSTMENTS, Topics.COSTS, Topics.CAMPAIGNS);
    static final long ONE_CONVERSION = 1_000_000;
    private static final Duration SETTLE = Duration.ofSeconds(180);

    private static Devstack stack;
    private static Path keys;
    private static LocalIssuer issuer;
    private static ServiceFleet fleet;
    private static ScaleOutLedger ledger;
    private static final List<Instance> attribution = new ArrayList<>();
    private static final List<Instance> connectors = new ArrayList<>();
    private static final List<Instance> campaign = new ArrayList<>();
    private static Instance gateway;
    private static ScaleOutChecks checks;

    @BeforeAll
    static void startTheFleet() throws IOException {
        long started = System.nanoTime();
        Path root = SharedSuite.root();
        stack = Devstack.start(null, 0, 0, ScaleOutJourneys.PARTITIONS);
        keys = Files.createTempDirectory("tally-scale-out-keys");
        issuer = LocalIssuer.create(keys);
        ledger = new ScaleOutLedger(stack);
        // a killed consumer's partitions move once the broker stops hearing from it: the services' 10 s session timeout
        fleet = new ServiceFleet(root, stack, issuer, root.resolve("system-tests/target/scale-out-logs"), Map.of(
                // a dozen service starts on a small machine: the quick compiler only, a single-threaded collector
                "JAVA_TOOL_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"));
        for (int i = 0; i < 3; i++) {
            attribution.add(fleet.start("attribution-service"));
        }
        for (int i = 0; i < 2; i++) {
            connectors.add(fleet.start("channel-connectors"));
            campaign.add(fleet.start("campaign-service"));
        }
        gateway = fleet.startGateway(Map.of("campaign", List.copyOf(campaign), "attribution",
                List.copyOf(attribution), "connectors", List.copyOf(connectors)));
        // the gateway is ready once an instance of every service is
        fleet.awaitReady(fleet.instances().toArray(Instance[]::new));
        checks = new ScaleOutChecks(ledger, fleet, issuer, gateway.url());
        System.out.printf("ScaleOutIT: %d instances ready in %.1f s%n", fleet.instances().size(),
                seconds(System.nanoTime() - started));
    }

    @AfterAll
    static void stopTheFleet() throws IOException {
        if (fleet != null) {
            fleet.close();
        }
        if (stack != null) {
            stack.close();
        }
        if (keys != null) {
            try (Stream<Path> files = Files.walk(keys)) {
                files.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * 300 customers (150 of them seen under two identities on different partitions), about 1,900 events and a copy of
     * every tenth, published in four waves (touches, orders, identity links, refunds) to three attribution-service
     * instances sharing one group on 12 partitions; while they flow one instance leaves gracefully, one is killed, a
     * fourth joins, and another leaves gracefully. Every order ends credited exactly as worked out by
     * {@link ScaleOutJourneys#discrepancies}, nothing is stored twice, the merged customers are one profile each, the
     * totals and the report are the net revenue sent, the outbox is drained and the group has committed everything.
     */
    @Test
    @Order(1)
    void threeAttributionInstancesCreditEveryOrderExactlyOnceWhileInstancesComeAndGo() throws Exception {
        long started = System.nanoTime();
        String run = "so" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(3);
        ScaleOutJourneys journeys = new ScaleOutJourneys(run, day, 300, 18);
        List<Customer> customers = journeys.customers();
        Random shuffle = new Random(18);

        List<ProducerRecord<String, Object>> touches = shuffled(customers.stream().flatMap(c -> c.touches().stream())
                .map(t -> record(Topics.TOUCHPOINTS, t.identifiers().partitionKey(), t.event())).toList(), shuffle);
        List<ProducerRecord<String, Object>> orders = shuffled(customers.stream()
                .map(c -> record(Topics.CONVERSIONS, c.converting().partitionKey(), c.conversion())).toList(),
                shuffle);
        List<ProducerRecord<String, Object>> links = shuffled(customers.stream().filter(Customer::merged)
                .map(c -> record(Topics.IDENTITY_LINKS, c.link().identifiers().partitionKey(), c.link())).toList(),
                shuffle);
        List<ProducerRecord<String, Object>> refunds = shuffled(customers.stream().filter(Customer::refunded)
                .map(c -> record(Topics.CONVERSION_ADJUSTMENTS, c.orderId(), c.refund())).toList(), shuffle);

        assertThat(ledger.partitions(ATTRIBUTION_TOPICS).values()).as("partitions of the topics attribution reads")
                .containsOnly(ScaleOutJourneys.PARTITIONS);
        Instance a1 = attribution.get(0);
        Instance a2 = attribution.get(1);
        Instance a3 = attribution.get(2);
        ExecutorService moves = Executors.newCachedThreadPool();
        List<Future<?>> moved = new ArrayList<>();
        Timeline timeline = new Timeline(started);
        try (PacedPublisher publisher = new PacedPublisher(stack.kafka())) {
            // wave 1: the touches; half-way one instance leaves the group gracefully
            List<RecordMetadata> landed = publisher.publish(touches, Duration.ofSeconds(8),
                    () -> moved.add(moves.submit(() -> timeline.run("stop " + a1.name(), () -> fleet.stop(a1)))));
            checks.assertTheMergedIdentitiesSitOnDifferentPartitions(customers, touches, landed);
            timeline.note("touches sent: " + touches.size());
            awaitUnlessDeadLettered(run, "every touch stored",
                    () -> ledger.rows("touchpoint", run + "-t") == touches.size());
            timeline.note("touches stored");

            // wave 2: the orders and a copy of every tenth touch; a new instance starts, one is killed half-way
            moved.add(moves.submit(() -> timeline.run("start a fourth instance", () -> {
                Instance a4 = fleet.start("attribution-service");
                fleet.awaitReady(a4);
            })));
            publisher.publish(shuffled(concat(orders, everyTenth(touches)), shuffle), Duration.ofSeconds(6),
                    () -> timeline.run("kill -9 " + a2.name(), () -> fleet.kill(a2)));
            timeline.note("orders sent: " + orders.size());
            awaitUnlessDeadLettered(run, "every order's first credit",
                    () -> originallyCredited(ledger.credits("order:" + run)) == customers.size());
            timeline.note("every order credited");

            // wave 3: the identity links and a copy of every tenth order, while the fourth instance joins
            publisher.publish(shuffled(concat(links, everyTenth(orders)), shuffle), Duration.ofSeconds(5), () -> {
            });
            timeline.note("links sent: " + links.size());

            // wave 4: the refunds, a copy of every tenth link and refund; half-way another instance leaves gracefully
            publisher.publish(shuffled(concat(refunds, concat(everyTenth(links), everyTenth(refunds))), shuffle),
                    Duration.ofSeconds(4),
                    () -> moved.add(moves.submit(() -> timeline.run("stop " + a3.name(), () -> fleet.stop(a3)))));
            timeline.note("refunds sent: " + refunds.size());
        }
        try {
            for (Future<?> move : moved) {
                move.get(4, TimeUnit.MINUTES);
            }
        } finally {
            moves.shutdown();
        }

        awaitUnlessDeadLettered(run, "the ledger, the outbox and the consumer group to settle",
                () -> journeys.discrepancies(ledger.credits("order:" + run)).isEmpty()
                        && ledger.unpublishedOutbox("attribution") == 0
                        && ledger.lag("attribution-service", ATTRIBUTION_TOPICS) == 0);
        timeline.note("settled");

        // a dead letter is an event the ledger will never hold: named first, as the cause of what follows
        assertThat(ledger.rejectsMentioning(run)).as("dead letters of this run").isEmpty();
        assertThat(journeys.discrepancies(ledger.credits("order:" + run))).as("orders not credited as sent")
                .isEmpty();
        assertThat(ledger.rows("touchpoint", run + "-t")).as("touchpoints stored").isEqualTo(touches.size());
        assertThat(ledger.rows("conversion", "order:" + run)).as("orders stored").isEqualTo(orders.size());
        assertThat(ledger.rows("conversion_adjustment", "refund:" + run)).as("refunds stored")
                .isEqualTo(refunds.size());
        checks.assertTheMergedCustomersAreOneProfileEachAndNoOthersMerged(run, customers);
        checks.assertTotals(run, day, customers);
        assertThat(ledger.unpublishedOutbox("attribution")).as("unpublished attribution.outbox rows").isZero();
        assertThat(ledger.lag("attribution-service", ATTRIBUTION_TOPICS)).as("attribution-service lag").isZero();
        timeline.print("ScaleOutIT attribution");
    }

    /**
     * Beacons (three, a journey every 300 ms each) and a marketer (a campaign every 300 ms) call the gateway, which has
     * two channel-connectors and two campaign-service instances behind it; one connectors instance is stopped gracefully
     * and started again, one campaign-service instance is killed and started again, and the calls go on until both serve
     * calls again. The gateway sends the calls that the missing instances refuse to the others, and nothing accepted is
     * lost or doubled: every accepted page view and order is stored once and credited once, every campaign created once
     * with its code, known to attribution-service. (The gateway's attribution URLs are the first three instances, which
     * the attribution test stops; this test reads attribution's tables, not its API.)
     */
    @Test
    @Order(2)
    void twoConnectorsAndTwoCampaignServicesBehindTheGatewayLoseAndDoubleNothingWhileOneOfEachRestarts()
            throws Exception {
        long started = System.nanoTime();
        Timeline timeline = new Timeline(started);
        String run = "sg" + UUID.randomUUID().toString().substring(0, 6);
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        String marketer = issuer.bearer(Role.MARKETER);
        String programme = given().baseUri(gatewayUrl()).header("Authorization", marketer)
                .contentType("application/json")
                .body(Map.of("name", "Scale-out " + run, "reportingCurrency", "EUR", "timeZone", "Europe/Berlin",
                        "lookbackDays", 30))
                .post("/api/v1/programmes").then().statusCode(201).extract().path("id");
        String code = run + "-base";
        String baseCampaign = given().baseUri(gatewayUrl()).header("Authorization", marketer)
                .contentType("application/json")
                .body(Map.of("name", run + " social", "channel", "paid_social", "trackingCodes", List.of(code)))
                .post("/api/v1/programmes/" + programme + "/campaigns").then().statusCode(201).extract().path("id");
        await("the campaign's code to reach attribution-service").atMost(SETTLE).ignoreExceptions()
                .until(() -> ledger.trackingCodes(code).containsKey(code));
        timeline.note("programme and campaign ready");

        Instance connectorsOne = connectors.get(0);
        Instance campaignOne = campaign.get(0);
        GatewayCallers callers = new GatewayCallers(gatewayUrl(), run, day);
        callers.startBeacons(3, Duration.ofMillis(300), code);
        callers.startMarketer(Duration.ofMillis(300), programme, marketer);
        await("calls flowing through the gateway").atMost(Duration.ofSeconds(60))
                .until(() -> callers.acceptedOrders().size() >= 20 && callers.campaignsCreated().size() >= 10);
        timeline.note("calls flowing");
        ExecutorService moves = Executors.newFixedThreadPool(2);
        Future<?> connectorsMoved = moves.submit(() -> {
            timeline.run("stop " + connectorsOne.name(), () -> fleet.stop(connectorsOne));
            timeline.run("start " + connectorsOne.name() + " again", () -> fleet.restart(connectorsOne));
        });
        Future<?> campaignMoved = moves.submit(() -> {
            timeline.run("kill -9 " + campaignOne.name(), () -> fleet.kill(campaignOne));
            timeline.run("start " + campaignOne.name() + " again", () -> fleet.restart(campaignOne));
        });
        connectorsMoved.get(4, TimeUnit.MINUTES);
        campaignMoved.get(4, TimeUnit.MINUTES);
        moves.shutdown();
        // until the gateway has put both back in the rotation and sent them calls
        await("the restarted instances to serve calls through the gateway").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> checks.served(connectorsOne, "/api/v1/collect") > 0
                        && checks.served(campaignOne, "/api/v1/programmes/{id}/campaigns") > 0);
        timeline.note("the restarted instances serve calls");
        callers.stop(Duration.ofSeconds(30));
        timeline.note("callers stopped: " + callers.acceptedOrders().size() + " orders, "
                + callers.campaignsCreated().size() + " campaigns created; not accepted at first: "
                + callers.refusals());

        Map<String, Long> orders = callers.acceptedOrders();
        assertThat(orders).hasSizeGreaterThan(50);
        await("every accepted order credited, the outboxes drained, the consumers caught up").atMost(SETTLE)
                .pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> checks.orderDiscrepancies(orders, ledger.credits("order:" + run)).isEmpty()
                        && ledger.unpublishedOutbox("campaign") == 0 && ledger.unpublishedOutbox("attribution") == 0
                        && ledger.lag("attribution-service", ATTRIBUTION_TOPICS) == 0
                        && ledger.lag("campaign-service", List.of(Topics.ATTRIBUTIONS, Topics.COSTS)) == 0
                        && ledger.trackingCodes(run + "-code-").size() >= ScaleOutChecks.existingCampaigns(callers)
                                .size());
        timeline.note("settled");

        assertThat(callers.errors()).as("callers stopped by an answer no retry changes").isEmpty();
        // the gateway's own 503: no instance of the service took the connection (a service's own 503 is another type)
        assertThat(callers.refusals()).as("calls no instance took").noneMatch(
                r -> "urn:tally:problem:service-unavailable".equals(r.problemType()));
        assertThat(checks.served(connectors.get(1), "/api/v1/collect")).as(connectors.get(1).name()).isPositive();
        assertThat(checks.served(campaign.get(1), "/api/v1/programmes/{id}/campaigns")).as(campaign.get(1).name())
                .isPositive();
        assertThat(checks.orderDiscrepancies(orders, ledger.credits("order:" + run))).as("orders not credited once")
                .isEmpty();
        assertThat(ledger.rows("conversion", "order:" + run)).as("orders stored").isEqualTo(orders.size());
        Map<String, Long> visits = ledger.touchpointsByVisitor(run + "-v-");
        assertThat(visits.keySet()).as("visitors whose page view is stored").isEqualTo(callers.acceptedVisits());
        assertThat(visits.values()).as("page views stored per visitor").allMatch(n -> n == 1);
        checks.assertTheCampaignsAreCreatedOnceEachWithTheirCode(programme, callers,
                ledger.trackingCodes(run + "-code-"));
        assertThat(ledger.trackingCodes(code)).isEqualTo(Map.of(code, Set.of(baseCampaign)));
        assertThat(ledger.unpublishedOutbox("campaign")).as("unpublished campaign.outbox rows").isZero();
        timeline.print("ScaleOutIT gateway");
    }

    private static String gatewayUrl() {
        return gateway.url();
    }

    /**
     * Waits (at most {@link #SETTLE}) until {@code condition} holds or an event of the run is dead-lettered: then it
     * never will, and the assertions that follow say why.
     */
    private static void awaitUnlessDeadLettered(String run, String what, Callable<Boolean> condition) {
        await(what).atMost(SETTLE).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> condition.call() || !ledger.rejectsMentioning(run).isEmpty());
    }

    /** Orders with a first (original) credit under every rule-based model. */
    private static long originallyCredited(Map<String, Map<String, ModelCredit>> credits) {
        return credits.values().stream().filter(m -> m.keySet().containsAll(RULE_BASED)
                && m.values().stream().allMatch(c -> c.originalUnits() == ONE_CONVERSION)).count();
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }
}
