package io.tally.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Freshness of the live pipeline: customers buy through the web collector at a fixed rate (open loop: a request is sent
 * on schedule whether or not earlier ones were answered), each request holding the customer's visits and the purchase.
 * For every purchase the probe notes when the collector answered {@code 202}, then polls the ledger every
 * {@value #POLL_MILLIS} ms until the conversion's credit is committed (the summary report reads the daily roll-up that
 * commits in the same transaction), and records the time in between.
 */
final class FreshnessProbe {

    /** How often the ledger is polled: the resolution of the figures. */
    static final int POLL_MILLIS = 50;
    /** How often a soak prints its sample. */
    private static final Duration SAMPLE_EVERY = Duration.ofSeconds(30);

    /** What one run measured. */
    record Result(LatencyRecorder latency, int sent, int credited, Map<String, Long> errorsByCause, double seconds) {

        /** Purchases the collector did not answer with 202. */
        long errors() {
            return errorsByCause.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final URI collect;
    private final Connection db;
    private final int touches;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param collect the collector's URL
     * @param db the service's database, to see when credit is committed
     * @param touches visits before each purchase
     */
    FreshnessProbe(URI collect, Connection db, int touches) {
        this.collect = collect;
        this.db = db;
        this.touches = touches;
    }

    /**
     * Sends {@code rate} purchases per second for {@code duration}, then waits (up to {@code grace}) for the last to
     * be credited.
     */
    Result run(String prefix, double rate, Duration duration, Duration grace) throws Exception {
        return run(prefix, rate, duration, grace, null);
    }

    /**
     * As {@link #run(String, double, Duration, Duration)}, printing a {@code sampler} line every 30 s while it sends
     * (a soak: lag, outbox backlog and old generation should stay flat).
     */
    Result run(String prefix, double rate, Duration duration, Duration grace, PipelineSampler sampler)
            throws Exception {
        int total = (int) Math.round(rate * duration.toSeconds());
        Map<String, Long> accepted = new ConcurrentHashMap<>(); // order id → nanos of its 202
        LatencyRecorder latency = new LatencyRecorder(total);
        Map<String, Long> errors = new ConcurrentSkipListMap<>(); // "HTTP 503", "HttpTimeoutException", ...
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService senders = Executors.newScheduledThreadPool(2);
        long periodNanos = (long) (1e9 / rate);
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            String order = prefix + "-" + i;
            String body = body(order, i);
            senders.schedule(() -> {
                // asynchronous, so a slow answer never delays the next purchase: the rate stays the one asked for
                http.sendAsync(HttpRequest.newBuilder(collect).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                            if (failure == null && response.statusCode() == 202) {
                                accepted.put("order:" + order, System.nanoTime());
                            } else {
                                errors.merge(failure == null ? "HTTP " + response.statusCode() : causeOf(failure), 1L,
                                        Long::sum);
                            }
                            sent.incrementAndGet();
                        });
            }, i * periodNanos, TimeUnit.NANOSECONDS);
        }
        int credited = 0;
        long deadline = start + duration.toNanos() + grace.toNanos();
        long nextSample = start + SAMPLE_EVERY.toNanos();
        if (sampler != null) {
            System.out.printf("%8s %10s %10s %10s %14s %14s%n", "seconds", "sent", "credited", "lag", "outbox backlog",
                    "old gen MiB");
        }
        while (System.nanoTime() < deadline && (sent.get() < total || !accepted.isEmpty())) {
            Thread.sleep(POLL_MILLIS);
            if (sampler != null && System.nanoTime() >= nextSample) {
                PipelineSampler.Sample s = sampler.sample();
                System.out.printf("%8d %10d %10d %10d %14d %14d%n", (System.nanoTime() - start) / 1_000_000_000L,
                        sent.get(), credited, s.lag(), s.outboxBacklog(), s.oldGenBytes() >> 20);
                nextSample += SAMPLE_EVERY.toNanos();
            }
            List<String> pending = new ArrayList<>(accepted.keySet());
            if (pending.isEmpty()) {
                continue;
            }
            long seenAt = System.nanoTime();
            for (String conversion : creditedAmong(pending)) {
                Long at = accepted.remove(conversion);
                if (at != null) {
                    latency.record(seenAt - at);
                    credited++;
                }
            }
        }
        senders.shutdownNow();
        return new Result(latency, sent.get(), credited, Map.copyOf(errors), (System.nanoTime() - start) / 1e9);
    }

    /** What failed a request, by its innermost exception's simple name ({@code HttpTimeoutException}, ...). */
    private static String causeOf(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    /** The customer's visits, each from a campaign link, then the purchase, all timed now. */
    private String body(String order, int customer) {
        String visitor = "fresh-" + order;
        StringBuilder json = new StringBuilder("[");
        for (int t = 0; t < touches; t++) {
            json.append("{\"type\":\"page_view\",\"anonymousId\":\"").append(visitor)
                    .append("\",\"messageId\":\"").append(visitor).append("-v").append(t)
                    .append("\",\"timestamp\":\"").append(Instant.now().minusSeconds(60L * (touches - t)))
                    .append("\",\"url\":\"https://shop.example/?utm_source=bench&utm_medium=email&utm_campaign=fresh-")
                    .append(t).append("\"},");
        }
        return json.append("{\"type\":\"purchase\",\"anonymousId\":\"").append(visitor)
                .append("\",\"timestamp\":\"").append(Instant.now())
                .append("\",\"url\":\"https://shop.example/thanks\",\"orderId\":\"").append(order)
                .append("\",\"revenue\":\"").append(10 + customer % 90).append(".00\",\"currency\":\"EUR\"}]")
                .toString();
    }

    private List<String> creditedAmong(List<String> conversions) throws SQLException {
        List<String> credited = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT DISTINCT conversion_event_id FROM attribution.credit"
                + " WHERE conversion_event_id = ANY(?) AND model = 'linear'")) {
            Array ids = db.createArrayOf("text", conversions.toArray());
            query.setArray(1, ids);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    credited.add(rs.getString(1));
                }
            }
        }
        return credited;
    }
}
