package io.tally.benchmarks;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.tally.devstack.Devstack;
import io.tally.devstack.LocalIssuer;
import io.tally.devstack.Ports;
import io.tally.devstack.ServiceProcess;
import io.tally.support.security.Role;

/**
 * Path-file evaluation ({@code POST /api/v1/attribution/evaluate}) on a generated file of {@code --rows} distinct paths
 * (seeded; mean length about 12; six channels), against the packaged attribution-service (prod profile, its usual
 * {@code -Xmx512m}) on embedded PostgreSQL and Kafka. Each workload is one warm-up request and then {@code --runs}
 * timed ones (wall clock of the HTTP request, upload included), after one request with every model warms the service;
 * the best is reported, with the largest heap in use seen by polling the service's metrics. {@code first_touch}
 * alone is about the cost of upload and parsing. {@code ./tally bench evaluate} runs it.
 */
public final class EvaluateLoad {

    private static final List<String> CHANNELS = List.of("email", "paid_social", "organic_search", "paid_search",
            "display", "direct");
    private static final String RULE_BASED = "first_touch,last_touch,last_non_direct,linear,position_based,j_curve,"
            + "inverse_j,custom";

    public static void main(String[] args) throws Exception {
        Map<String, String> options = Options.parse(args);
        Path root = Path.of(options.getOrDefault("root", ".")).toAbsolutePath().normalize();
        int rows = Integer.parseInt(options.getOrDefault("rows", "1000000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "3"));

        Path logs = Files.createDirectories(root.resolve(".tally/logs"));
        Path file = root.resolve(".tally/evaluate-paths-" + rows + ".csv");
        double meanLength = generate(file, rows, 20261122L);
        System.out.printf(Locale.ROOT, "%,d distinct paths, mean length %.2f, %,d bytes: %s%n", rows, meanLength,
                Files.size(file), file);
        System.out.println("Starting PostgreSQL, Kafka and attribution-service (log in " + logs + ") ...");
        try (Devstack devstack = Devstack.start(null, 0, 0);
                ServiceProcess attribution = ServiceProcess.start(root, "attribution-service", Ports.free(),
                        devstack.serviceEnvironment(LocalIssuer.shared()), logs)) {
            attribution.awaitReady(Duration.ofSeconds(120));
            System.out.println(Machine.describe());
            // HTTP/1.1 as curl and most upload clients speak it; the JDK default (HTTP/2, upgrade from 1.1) sent the
            // same body markedly slower
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            // warms the service's JIT on every code path first, so the first workload is not penalised
            post(http, attribution.url() + "/api/v1/attribution/evaluate?order=3&models=markov,shapley," + RULE_BASED,
                    file);
            System.out.printf("%-52s %10s %10s %14s%n", "workload", "best s", "worst s", "max heap MiB");
            for (String query : List.of("models=first_touch", "models=markov&order=1", "models=markov&order=2",
                    "models=markov&order=3", "models=shapley", "models=" + RULE_BASED)) {
                String url = attribution.url() + "/api/v1/attribution/evaluate?" + query;
                HeapWatch heap = new HeapWatch(http, attribution.url() + "/q/metrics");
                post(http, url, file);
                double best = Double.MAX_VALUE;
                double worst = 0;
                for (int r = 0; r < runs; r++) {
                    double seconds = post(http, url, file);
                    best = Math.min(best, seconds);
                    worst = Math.max(worst, seconds);
                }
                long maxHeap = heap.stop();
                System.out.printf(Locale.ROOT, "%-52s %10.2f %10.2f %14d%n", query.replace("models=", ""), best,
                        worst, maxHeap >> 20);
            }
        }
    }

    private static double post(HttpClient http, String url, Path file) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "text/csv")
                .header("Authorization", LocalIssuer.shared().bearer(Role.ANALYST))
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofFile(file)).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - start) / 1e9;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return seconds;
    }

    /** Writes {@code rows} distinct paths with counts; returns the mean path length. */
    static double generate(Path file, int rows, long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        Set<String> seen = new HashSet<>(rows * 2);
        long touches = 0;
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            out.write("path,total_conversions,total_conversion_value,total_null\n");
            StringBuilder path = new StringBuilder();
            while (seen.size() < rows) {
                int length = 3 + random.nextInt(17);
                path.setLength(0);
                for (int t = 0; t < length; t++) {
                    int c = Math.min(CHANNELS.size() - 1, (int) (random.nextDouble() * random.nextDouble()
                            * CHANNELS.size() * 1.6));
                    path.append(t == 0 ? "" : " > ").append(CHANNELS.get(c));
                }
                String p = path.toString();
                if (!seen.add(p)) {
                    continue;
                }
                touches += length;
                int conversions = random.nextInt(10) < 3 ? 1 + random.nextInt(5) : 0;
                int nulls = random.nextInt(60);
                long cents = conversions * (2_000L + random.nextInt(18_000));
                out.write(p);
                out.write(',');
                out.write(Integer.toString(conversions));
                out.write(',');
                out.write(String.format(Locale.ROOT, "%d.%02d", cents / 100, cents % 100));
                out.write(',');
                out.write(Integer.toString(nulls));
                out.write('\n');
            }
        }
        return touches / (double) rows;
    }

    /** Polls the service's heap in use (sum of the heap pools) every 50 ms and keeps the largest value seen. */
    private static final class HeapWatch {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong max = new AtomicLong();
        private final Thread thread;

        HeapWatch(HttpClient http, String metrics) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(metrics)).timeout(Duration.ofSeconds(5)).build();
            thread = new Thread(() -> {
                while (running.get()) {
                    try {
                        long used = http.send(request, HttpResponse.BodyHandlers.ofLines()).body()
                                .filter(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                                .sum();
                        max.accumulateAndGet(used, Math::max);
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        // a missed sample only lowers the estimate
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return max.get();
        }
    }
}
