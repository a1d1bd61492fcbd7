package io.tally.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * What a soak watches while load runs, sampled on demand: the attribution consumer group's lag (records published but
 * not yet committed as processed, summed over the journey topics), the outbox rows not yet published, and the old
 * generation of the service's heap (what survives collections: it grows when something leaks).
 */
final class PipelineSampler implements AutoCloseable {

    /** One sample. */
    record Sample(long lag, long outboxBacklog, long oldGenBytes) {
    }

    private static final String GROUP = "attribution-service";
    private static final List<String> TOPICS = List.of("tally.touchpoints", "tally.conversions");

    private final Admin admin;
    private final Connection db;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI metrics;

    PipelineSampler(String bootstrapServers, Connection db, String serviceUrl) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.db = db;
        this.metrics = URI.create(serviceUrl + "/q/metrics");
    }

    Sample sample() throws Exception {
        return new Sample(lag(), outboxBacklog(), oldGen());
    }

    private long lag() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
        admin.describeTopics(TOPICS).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, topic) -> topic
                .partitions().forEach(p -> ends.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
        long lag = 0;
        for (var end : admin.listOffsets(ends).all().get(10, TimeUnit.SECONDS).entrySet()) {
            OffsetAndMetadata done = committed.get(end.getKey());
            lag += end.getValue().offset() - (done == null ? 0 : done.offset());
        }
        return lag;
    }

    private long outboxBacklog() throws Exception {
        try (Statement statement = db.createStatement();
                ResultSet rs = statement.executeQuery(
                        "SELECT count(*) FROM attribution.outbox WHERE published_at IS NULL")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Bytes in use in the heap's old generation (G1's, or the serial and parallel collectors' tenured space). */
    private long oldGen() throws Exception {
        return metric(l -> l.startsWith("jvm_memory_used_bytes{area=\"heap\"")
                && (l.contains("Old Gen") || l.contains("Tenured")));
    }

    /** The service's counter {@code name} (a Prometheus name, summed over its tags). */
    long counter(String name) throws Exception {
        return metric(l -> l.startsWith(name + " ") || l.startsWith(name + "{"));
    }

    private long metric(Predicate<String> lines) throws Exception {
        return http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofLines()).body()
                .filter(lines)
                .mapToLong(PipelineSampler::value)
                .sum();
    }

    /** The value of a sample line: {@code name{labels} value}, then maybe an exemplar ({@code # {…} value time}). */
    static long value(String line) {
        int exemplar = line.indexOf(" # ");
        String sample = exemplar < 0 ? line : line.substring(0, exemplar);
        return (long) Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
