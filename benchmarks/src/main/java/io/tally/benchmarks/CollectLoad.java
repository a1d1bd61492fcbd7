package io.tally.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.tally.devstack.Devstack;
import io.tally.devstack.LocalIssuer;
import io.tally.devstack.Ports;
import io.tally.devstack.ServiceProcess;

/**
 * Load on {@code POST /api/v1/collect}: the packaged channel-connectors on embedded PostgreSQL and Kafka, driven
 * closed-loop (each worker sends its next request when the previous one was answered) with single events and with
 * batches. A 202 means the broker acknowledged every event of the request ({@code acks=all}), so events/s here are
 * events stored durably. Prints requests/s, events/s and latency percentiles. {@code ./tally bench collect} runs it.
 */
public final class CollectLoad {

    /** One measured phase. */
    record Phase(int batchSize, int concurrency) {
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "10")));
        Duration measure = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "30")));
        List<Phase> phases = List.of(
                new Phase(1, Integer.parseInt(options.getOrDefault("single-concurrency", "8"))),
                new Phase(50, Integer.parseInt(options.getOrDefault("batch-concurrency", "16"))));

        Path logs = Files.createDirectories(root.resolve(".tally/logs"));
        System.out.println("Starting PostgreSQL, Kafka and channel-connectors (log in " + logs + ") ...");
        try (Devstack devstack = Devstack.start(null, 0, 0);
                ServiceProcess connectors = ServiceProcess.start(root, "channel-connectors", Ports.free(),
                        devstack.serviceEnvironment(LocalIssuer.shared()), logs)) {
            connectors.awaitReady(Duration.ofSeconds(120));
            URI collect = URI.create(connectors.url() + "/api/v1/collect");
            System.out.println(Machine.describe());
            System.out.printf("%-6s %-12s %12s %12s %9s %9s %9s %8s%n", "batch", "concurrency", "requests/s",
                    "events/s", "p50 ms", "p99 ms", "max ms", "errors");
            for (Phase phase : phases) {
                run(collect, phase, warmup, 100_000);
                LatencyRecorder measured = run(collect, phase, measure, 2_000_000);
                double seconds = measure.toNanos() / 1e9;
                System.out.printf("%-6d %-12d %12.0f %12.0f %9.1f %9.1f %9.1f %8d%n", phase.batchSize(),
                        phase.concurrency(), measured.successes() / seconds,
                        measured.successes() * (double) phase.batchSize() / seconds,
                        measured.percentileMillis(50), measured.percentileMillis(99),
                        measured.percentileMillis(100), measured.errors());
            }
        }
    }

    /** Runs {@code phase} for {@code duration} and returns what was measured. */
    static LatencyRecorder run(URI collect, Phase phase, Duration duration, int capacity) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        LatencyRecorder recorder = new LatencyRecorder(capacity);
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> workers = new ArrayList<>();
        for (int w = 0; w < phase.concurrency(); w++) {
            Thread worker = new Thread(() -> {
                while (System.nanoTime() < end) {
                    HttpRequest request = HttpRequest.newBuilder(collect).timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body(phase.batchSize()))).build();
                    long start = System.nanoTime();
                    try {
                        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        if (status == 202) {
                            recorder.record(System.nanoTime() - start);
                        } else {
                            recorder.error();
                        }
                    } catch (IOException e) {
                        recorder.error();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }, "load-" + w);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return recorder;
    }

    /** A request of {@code size} distinct page views (every event new, so none is deduplicated away). */
    static String body(int size) {
        String timestamp = Instant.now().minusSeconds(60).toString();
        StringBuilder json = new StringBuilder(size * 220).append(size == 1 ? "" : "[");
        for (int i = 0; i < size; i++) {
            long n = SEQUENCE.incrementAndGet();
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"type\":\"page_view\",\"anonymousId\":\"load-").append(n % 100_000)
                    .append("\",\"messageId\":\"load-").append(n).append('-').append(System.nanoTime())
                    .append("\",\"timestamp\":\"").append(timestamp)
                    .append("\",\"url\":\"https://shop.example/p/").append(n % 997)
                    .append("?utm_source=newsletter&utm_medium=email&utm_campaign=winter-news\"}");
        }
        return json.append(size == 1 ? "" : "]").toString();
    }
}
