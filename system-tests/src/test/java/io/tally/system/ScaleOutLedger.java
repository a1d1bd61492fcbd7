package io.tally.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import io.tally.devstack.Devstack;
import io.tally.devstack.PostgresServer;
import io.tally.events.Topics;

/**
 * What the scale-out tests read off the stack to judge it: attribution's tables (SQL on the embedded PostgreSQL),
 * consumer lag (Kafka admin client) and the dead letters on {@code tally.rejects}. Every call opens its own
 * connection.
 */
final class ScaleOutLedger {

    /**
     * One conversion's ledger under one model.
     *
     * @param netByTouch per touchpoint event id (null key: rows without a touch), the sum of its rows
     * @param adjustmentReasons the reasons of its adjustment rows
     */
    record ModelCredit(long minor, long units, long originalMinor, long originalUnits, Map<String, Long> netByTouch,
            Map<String, Long> originalByTouch, Set<String> adjustmentReasons) {
    }

    /** One conversion in the ledger under one model. */
    private record Key(String conversion, String model) {
    }

    private final Devstack stack;

    ScaleOutLedger(Devstack stack) {
        this.stack = stack;
    }

    /** Per conversion event id starting with {@code conversionPrefix}, per model: its ledger. */
    Map<String, Map<String, ModelCredit>> credits(String conversionPrefix) throws SQLException {
        Map<Key, long[]> sums = new HashMap<>();
        Map<Key, Map<String, Long>> byTouch = new HashMap<>();
        Map<Key, Map<String, Long>> originalByTouch = new HashMap<>();
        Map<Key, Set<String>> reasons = new HashMap<>();
        try (Connection db = connect(); PreparedStatement st = db.prepareStatement("""
                SELECT conversion_event_id, model, entry_kind, reason, touchpoint_event_id,
                       sum(amount_minor), sum(conversion_units)
                FROM attribution.credit WHERE conversion_event_id LIKE ?
                GROUP BY conversion_event_id, model, entry_kind, reason, touchpoint_event_id""")) {
            st.setString(1, conversionPrefix + "%");
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Key key = new Key(rs.getString(1), rs.getString(2));
                    boolean original = rs.getString(3).equals("original");
                    long minor = rs.getLong(6);
                    long units = rs.getLong(7);
                    long[] sum = sums.computeIfAbsent(key, k -> new long[4]);
                    sum[0] += minor;
                    sum[1] += units;
                    if (original) {
                        sum[2] += minor;
                        sum[3] += units;
                        originalByTouch.computeIfAbsent(key, k -> new HashMap<>()).merge(rs.getString(5), minor,
                                Long::sum);
                    } else {
                        reasons.computeIfAbsent(key, k -> new HashSet<>()).add(rs.getString(4));
                    }
                    byTouch.computeIfAbsent(key, k -> new HashMap<>()).merge(rs.getString(5), minor, Long::sum);
                }
            }
        }
        Map<String, Map<String, ModelCredit>> credits = new HashMap<>();
        sums.forEach((key, sum) -> credits.computeIfAbsent(key.conversion(), k -> new HashMap<>()).put(key.model(),
                new ModelCredit(sum[0], sum[1], sum[2], sum[3], byTouch.get(key),
                        originalByTouch.getOrDefault(key, Map.of()), reasons.getOrDefault(key, Set.of()))));
        return credits;
    }

    /** How many rows of {@code table} (attribution schema) have an {@code event_id} starting with {@code prefix}. */
    long rows(String table, String prefix) throws SQLException {
        try (Connection db = connect();
                PreparedStatement st = db.prepareStatement(
                        "SELECT count(*) FROM attribution." + table + " WHERE event_id LIKE ?")) {
            st.setString(1, prefix + "%");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The profile of each touchpoint and conversion whose event id starts with one of {@code prefixes}. */
    Map<String, Long> profiles(List<String> prefixes) throws SQLException {
        Map<String, Long> profiles = new HashMap<>();
        try (Connection db = connect()) {
            for (String table : List.of("touchpoint", "conversion")) {
                for (String prefix : prefixes) {
                    try (PreparedStatement st = db.prepareStatement(
                            "SELECT event_id, profile_id FROM attribution." + table + " WHERE event_id LIKE ?")) {
                        st.setString(1, prefix + "%");
                        try (ResultSet rs = st.executeQuery()) {
                            while (rs.next()) {
                                profiles.put(rs.getString(1), rs.getLong(2));
                            }
                        }
                    }
                }
            }
        }
        return profiles;
    }

    /** The campaigns attribution-service resolves each tracking code starting with {@code prefix} to. */
    Map<String, Set<String>> trackingCodes(String prefix) throws SQLException {
        Map<String, Set<String>> codes = new HashMap<>();
        try (Connection db = connect();
                PreparedStatement st = db.prepareStatement(
                        "SELECT code, campaign_id FROM attribution.tracking_code WHERE code LIKE ?")) {
            st.setString(1, prefix + "%");
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    codes.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }
            }
        }
        return codes;
    }

    /** Touchpoints per anonymous id starting with {@code prefix}. */
    Map<String, Long> touchpointsByVisitor(String prefix) throws SQLException {
        Map<String, Long> visits = new HashMap<>();
        try (Connection db = connect();
                PreparedStatement st = db.prepareStatement(
                        "SELECT anonymous_id, count(*) FROM attribution.touchpoint WHERE anonymous_id LIKE ?"
                                + " GROUP BY anonymous_id")) {
            st.setString(1, prefix + "%");
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    visits.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return visits;
    }

    /** Outbox rows of {@code schema} not yet relayed to Kafka. */
    long unpublishedOutbox(String schema) throws SQLException {
        try (Connection db = connect();
                PreparedStatement st = db.prepareStatement(
                        "SELECT count(*) FROM " + schema + ".outbox WHERE published_at IS NULL");
                ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Records on {@code topics} that consumer group {@code group} has not committed yet (end offset minus committed
     * offset over every partition; a partition without a commit counts from its start).
     */
    long lag(String group, List<String> topics) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(new HashMap<>(stack.kafka().clientConfig()))) {
            Set<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                    .collect(Collectors.toSet());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            var ends = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p,
                    p -> OffsetSpec.latest()))).all().get();
            var starts = admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p,
                    p -> OffsetSpec.earliest()))).all().get();
            long behind = 0;
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata commit = committed.get(partition);
                long position = commit != null ? commit.offset() : starts.get(partition).offset();
                behind += Math.max(0, ends.get(partition).offset() - position);
            }
            return behind;
        }
    }

    /** The partitions of each of {@code topics}. */
    Map<String, Integer> partitions(List<String> topics) throws InterruptedException, ExecutionException {
        try (Admin admin = Admin.create(new HashMap<>(stack.kafka().clientConfig()))) {
            return admin.describeTopics(topics).allTopicNames().get().values().stream()
                    .collect(Collectors.toMap(t -> t.name(), t -> t.partitions().size()));
        }
    }

    /** The dead letters on {@code tally.rejects} that mention {@code text} (their payload carries the event). */
    List<String> rejectsMentioning(String text) {
        Map<String, Object> config = new HashMap<>(stack.kafka().clientConfig());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.REJECTS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null && record.value().contains(text)) {
                        found.add(record.value());
                    }
                }
            }
        }
        return found;
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(stack.postgres().jdbcUrl(), PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
