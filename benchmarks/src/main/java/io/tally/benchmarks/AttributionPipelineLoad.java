package io.tally.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.tally.devstack.Devstack;
import io.tally.devstack.LocalIssuer;
import io.tally.devstack.Ports;
import io.tally.devstack.PostgresServer;
import io.tally.devstack.ServiceProcess;
import io.tally.events.Channel;
import io.tally.events.Conversion;
import io.tally.events.Identifiers;
import io.tally.events.InteractionType;
import io.tally.events.Money;
import io.tally.events.Topics;
import io.tally.events.Touchpoint;
import io.tally.events.Trust;
import io.tally.events.json.EventJson;
import io.tally.support.security.Role;

/**
 * The live attribution pipeline under load: the packaged attribution-service (prod profile, every model enabled) on
 * embedded PostgreSQL and Kafka. Customers with journeys of {@code --touches} touches on six channels are published to
 * Kafka; then one conversion each, and the clock runs until every conversion holds committed ledger rows under every
 * model (read from the database). Before that, a seed of converting and non-converting journeys trains the markov,
 * shapley and incremental models, so they credit too. Prints touchpoints/s stored and conversions/s attributed. With
 * {@code --interaction visit} the touches are web visits, each landing from a campaign of its own (utm parameters in
 * the URL), so every visit starts a web session and the session rules run on every journey; the default is clicks.
 * Last, freshness ({@link FreshnessProbe}): after a 10 s warm-up at a tenth of the rate, purchases, each with its
 * visits, go through the web collector of the packaged channel-connectors at {@code --freshness-rate} per second
 * (default: half the conversions/s just measured) for {@code --freshness-seconds}, and the time from each 202 to its
 * committed credit is printed as a distribution;
 * every 30 s a line shows the consumer lag, the outbox backlog and the heap's old generation, so a long run
 * ({@code --freshness-seconds 600}) is the soak.
 * {@code ./tally bench pipeline} runs it.
 */
public final class AttributionPipelineLoad {

    private static final List<Channel> CHANNELS = List.of(Channel.EMAIL, Channel.PAID_SOCIAL, Channel.ORGANIC_SEARCH,
            Channel.PAID_SEARCH, Channel.DISPLAY, Channel.DIRECT);
    /** Every model: the nine rule-based and the three data-driven ones. */
    private static final int MODELS = 12;
    /** attribution-service's counter of conversions credited (its rate is credits/s; MetricNames in service-support). */
    private static final String CREDITED_CONVERSIONS = "tally_attribution_credited_conversions_total";
    /**
     * attribution-service's heap as Kubernetes gives it (k8s/base/attribution-service.yaml: 70 % of its 1536 MiB
     * limit), not the 512 MiB of a local run: with the smaller heap about 8 % of the conversion phase went to young
     * collections (JFR: 2.3 s of pauses in 30 s).
     */
    private static final String DEPLOYED_HEAP = "1075m";
    /** The interaction of every published touch ({@code --interaction}: click or visit). */
    private static InteractionType interaction = InteractionType.CLICK;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int customers = Integer.parseInt(options.getOrDefault("customers", "5000"));
        int touches = Integer.parseInt(options.getOrDefault("touches", "10"));
        int seed = Integer.parseInt(options.getOrDefault("training-customers", "2000"));
        String freshnessRate = options.get("freshness-rate"); // default: half the conversions/s measured
        Duration freshnessTime = Duration.ofSeconds(Long.parseLong(options.getOrDefault("freshness-seconds", "30")));
        interaction = InteractionType.valueOf(options.getOrDefault("interaction", "click").toUpperCase(
                java.util.Locale.ROOT));
        System.out.println("Touches are of interaction " + interaction.wireName());

        Path logs = Files.createDirectories(root.resolve(".tally/logs"));
        System.out.println("Starting PostgreSQL, Kafka, attribution-service and channel-connectors (logs in " + logs
                + ") ...");
        try (Devstack devstack = Devstack.start(null, 0, 0);
                ServiceProcess attribution = ServiceProcess.start(root, "attribution-service", Ports.free(),
                        devstack.serviceEnvironment(LocalIssuer.shared()), logs, DEPLOYED_HEAP);
                ServiceProcess connectors = ServiceProcess.start(root, "channel-connectors", Ports.free(),
                        devstack.serviceEnvironment(LocalIssuer.shared()), logs);
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, devstack.kafka().bootstrapServers(),
                        ProducerConfig.ACKS_CONFIG, "all",
                        ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new ByteArraySerializer());
                Connection db = DriverManager.getConnection(devstack.postgres().jdbcUrl(), PostgresServer.USER,
                        PostgresServer.PASSWORD)) {
            attribution.awaitReady(Duration.ofSeconds(120));
            connectors.awaitReady(Duration.ofSeconds(120));
            System.out.println(Machine.describe());
            Random random = new Random(20261122L);
            LocalDate today = LocalDate.now(ZoneOffset.UTC);

            // 1. training seed: yesterday's journeys, a third of them converting; then train both data-driven models
            LocalDate seedDay = today.minusDays(1);
            publishTouches(producer, "seed", seed, touches, seedDay, random);
            int seedConversions = publishConversions(producer, "seed", seed, 3, seedDay);
            awaitCount(db, "SELECT count(*) FROM attribution.touchpoint", (long) seed * touches,
                    Duration.ofMinutes(10));
            awaitCount(db, "SELECT count(*) FROM attribution.conversion", seedConversions, Duration.ofMinutes(10));
            for (String model : List.of("markov", "shapley", "incremental")) {
                String trained = post(attribution.url() + "/api/v1/attribution/models/" + model + "/train?from="
                        + seedDay + "&to=" + seedDay);
                System.out.println("trained " + trained.substring(0, Math.min(trained.length(), 120)) + " ...");
            }

            // 2. measured: journeys of today, then one conversion per customer. The conversions' clock watches the
            // service's credited counter, not the ledger: grouping the ledger every 200 ms would take a core from
            // the pipeline it measures; the ledger is read once the counter says done, to check it. (Counting
            // touchpoints is cheap; the group's committed offsets trail by the commit interval, 5 s.)
            long storedBefore = count(db, "SELECT count(*) FROM attribution.touchpoint");
            long start = System.nanoTime();
            double touchSeconds;
            double conversionSeconds;
            String credited = "SELECT count(*) FROM (SELECT conversion_event_id FROM attribution.credit"
                    + " WHERE conversion_event_id LIKE 'order:load-%' AND entry_kind = 'original'"
                    + " GROUP BY conversion_event_id HAVING count(DISTINCT model) = " + MODELS + ") c";
            try (PipelineSampler watch = new PipelineSampler(devstack.kafka().bootstrapServers(), db,
                    attribution.url())) {
                publishTouches(producer, "load", customers, touches, today, random);
                awaitCount(db, "SELECT count(*) FROM attribution.touchpoint",
                        storedBefore + (long) customers * touches, Duration.ofMinutes(30));
                touchSeconds = (System.nanoTime() - start) / 1e9;

                long creditedBefore = watch.counter(CREDITED_CONVERSIONS);
                start = System.nanoTime();
                publishConversions(producer, "load", customers, 1, today);
                awaitTrue("every conversion credited",
                        () -> watch.counter(CREDITED_CONVERSIONS) >= creditedBefore + customers,
                        Duration.ofMinutes(30));
                conversionSeconds = (System.nanoTime() - start) / 1e9;
                awaitCount(db, credited, customers, Duration.ofSeconds(30));
            }
            long rows = count(db,
                    "SELECT count(*) FROM attribution.credit WHERE conversion_event_id LIKE 'order:load-%'");

            System.out.printf("%-34s %12s %10s %12s%n", "phase", "events", "seconds", "events/s");
            System.out.printf("%-34s %12d %10.1f %12.0f%n", "touchpoints stored", (long) customers * touches,
                    touchSeconds, customers * (double) touches / touchSeconds);
            System.out.printf("%-34s %12d %10.1f %12.0f%n", "conversions credited (" + MODELS + " models)", customers,
                    conversionSeconds, customers / conversionSeconds);
            System.out.printf("ledger rows posted: %d (%.0f rows/s); outbox rows not yet published: %d%n", rows,
                    rows / conversionSeconds,
                    count(db, "SELECT count(*) FROM attribution.outbox WHERE published_at IS NULL"));

            // 3. freshness: purchases through the collector at half the rate just measured, 202 to credit committed
            double rate = freshnessRate != null
                    ? Double.parseDouble(freshnessRate)
                    : Math.max(1, Math.floor(customers / conversionSeconds / 2));
            FreshnessProbe probe = new FreshnessProbe(URI.create(connectors.url() + "/api/v1/collect"), db,
                    Math.min(touches, 10));
            // the collector has served nothing yet: 10 s at a tenth of the rate let the JIT compile its path and the
            // pipeline drain the conversion phase's outbox, so the measured run does not start with a cold service
            FreshnessProbe.Result warm = probe.run("warm", Math.max(1, rate / 10), Duration.ofSeconds(10),
                    Duration.ofSeconds(60));
            System.out.printf("warm-up: %d purchases at %.0f/s, %d credited, %d errors%n", warm.sent(),
                    Math.max(1, rate / 10), warm.credited(), warm.errors());
            System.out.printf("freshness: %.0f purchases/s through the collector for %d s, each with %d visits ...%n",
                    rate, freshnessTime.toSeconds(), Math.min(touches, 10));
            FreshnessProbe.Result fresh;
            try (PipelineSampler sampler = new PipelineSampler(devstack.kafka().bootstrapServers(), db,
                    attribution.url())) {
                fresh = probe.run("fresh", rate, freshnessTime, Duration.ofSeconds(60), sampler);
            }
            LatencyRecorder latency = fresh.latency();
            System.out.printf("freshness, 202 to credit committed (polled every %d ms): %d of %d purchases credited,"
                    + " %d errors%s; p50 %.0f ms, p95 %.0f ms, p99 %.0f ms, max %.0f ms%n", FreshnessProbe.POLL_MILLIS,
                    fresh.credited(), fresh.sent(), fresh.errors(),
                    fresh.errorsByCause().isEmpty() ? "" : " " + fresh.errorsByCause(), latency.percentileMillis(50),
                    latency.percentileMillis(95), latency.percentileMillis(99), latency.percentileMillis(100));
        }
    }

    private static void publishTouches(KafkaProducer<String, byte[]> producer, String prefix, int customers,
            int touches, LocalDate day, Random random) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        Instant midnight = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int c = 0; c < customers; c++) {
            Identifiers who = Identifiers.anonymous(prefix + "-" + c);
            for (int t = 0; t < touches; t++) {
                Channel channel = CHANNELS.get(Math.min(CHANNELS.size() - 1, (int) (random.nextDouble()
                        * random.nextDouble() * CHANNELS.size() * 1.6)));
                boolean visit = interaction == InteractionType.VISIT;
                String medium = visit ? channel.wireName() : null;
                String url = visit
                        ? "https://shop.example/?utm_source=bench&utm_medium=" + medium + "&utm_campaign=bench-" + t
                        : null;
                Touchpoint touch = new Touchpoint(prefix + "-tp-" + c + "-" + t, midnight.plusSeconds(60L * t + 1),
                        channel, interaction, "bench", medium, visit ? "bench-" + t : null, who, url, null,
                        Trust.VERIFIED);
                acks.add(producer.send(new ProducerRecord<>(Topics.TOUCHPOINTS, who.partitionKey(),
                        EventJson.toBytes(touch))));
            }
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
    }

    /** One conversion for every {@code every}-th customer, an hour after its journey began; returns how many. */
    private static int publishConversions(KafkaProducer<String, byte[]> producer, String prefix, int customers,
            int every, LocalDate day) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        Instant at = day.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(3600);
        for (int c = 0; c < customers; c += every) {
            Identifiers who = Identifiers.anonymous(prefix + "-" + c);
            String order = prefix + "-" + c;
            Conversion conversion = new Conversion("order:" + order, order, at,
                    Money.ofMinor(1_000 + (c * 7919L) % 20_000, "EUR"), who, null, "bench", Trust.VERIFIED);
            acks.add(producer.send(new ProducerRecord<>(Topics.CONVERSIONS, who.partitionKey(),
                    EventJson.toBytes(conversion))));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get();
        }
        return acks.size();
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void awaitCount(Connection db, String sql, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(db, sql) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + expected + " from " + sql + "; have "
                        + count(db, sql));
            }
            Thread.sleep(200);
        }
    }

    /** Polls {@code done} every 250 ms until it holds (a poll may scrape the service's metrics, which costs it CPU). */
    private static void awaitTrue(String what, Callable<Boolean> done, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!done.call()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(250);
        }
    }

    private static String post(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", LocalIssuer.shared().bearer(Role.ANALYST))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
