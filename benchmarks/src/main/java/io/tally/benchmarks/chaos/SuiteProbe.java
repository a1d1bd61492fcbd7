package io.tally.benchmarks.chaos;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.devstack.PostgresServer;
import io.tally.devstack.Suite;
import io.tally.events.Topics;
import io.tally.support.security.Role;

/**
 * What the chaos scenario reads off the suite to judge it: the credit ledger (SQL on the embedded PostgreSQL), the
 * attribution report (through the gateway, as an analyst), the outbox tables, and consumer lag (Kafka admin client).
 * Every call opens its own connection, so a probe works again as soon as the server is back.
 */
final class SuiteProbe {

    /** One order's credit under the checked model: cents and conversion units (1,000,000 = one conversion). */
    record Credit(long cents, long units) {
    }

    /** The rule-based model whose ledger is checked. */
    static final String MODEL = "linear";
    /** One conversion in the ledger's {@code conversion_units}. */
    static final long ONE_CONVERSION = 1_000_000;

    /** The consumer groups and the topics each reads. */
    static final Map<String, List<String>> GROUPS = Map.of(
            "attribution-service", List.of(Topics.TOUCHPOINTS, Topics.CONVERSIONS, Topics.IDENTITY_LINKS,
                    Topics.CONVERSION_ADJUSTMENTS, Topics.COSTS, Topics.CAMPAIGNS),
            "campaign-service", List.of(Topics.ATTRIBUTIONS, Topics.COSTS));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Suite suite;
    private final String orderPrefix;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    /** @param orderPrefix what the order ids of this run start with */
    SuiteProbe(Suite suite, String orderPrefix) {
        this.suite = suite;
        this.orderPrefix = orderPrefix;
    }

    /** Each order of this run with credit under {@link #MODEL}: the sum of its ledger entries. */
    Map<String, Credit> credits() throws SQLException {
        Map<String, Credit> credits = new HashMap<>();
        try (Connection db = connect(); PreparedStatement st = db.prepareStatement("""
                SELECT substr(conversion_event_id, 7), sum(amount_minor), sum(conversion_units)
                FROM attribution.credit WHERE model = ? AND conversion_event_id LIKE ?
                GROUP BY conversion_event_id""")) {
            st.setString(1, MODEL);
            st.setString(2, "order:" + orderPrefix + "%");
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    credits.put(rs.getString(1), new Credit(rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        return credits;
    }

    /** How many orders of this run hold an original credit under {@link #MODEL}. */
    long creditedOrders() throws SQLException {
        try (Connection db = connect(); PreparedStatement st = db.prepareStatement("""
                SELECT count(DISTINCT conversion_event_id) FROM attribution.credit
                WHERE model = ? AND entry_kind = 'original' AND conversion_event_id LIKE ?""")) {
            st.setString(1, MODEL);
            st.setString(2, "order:" + orderPrefix + "%");
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Outbox rows not yet relayed to Kafka, per table. */
    Map<String, Long> unpublishedOutbox() throws SQLException {
        Map<String, Long> unpublished = new HashMap<>();
        try (Connection db = connect()) {
            for (String table : List.of("campaign.outbox", "attribution.outbox")) {
                try (PreparedStatement st = db.prepareStatement(
                        "SELECT count(*) FROM " + table + " WHERE published_at IS NULL");
                        ResultSet rs = st.executeQuery()) {
                    rs.next();
                    unpublished.put(table, rs.getLong(1));
                }
            }
        }
        return unpublished;
    }

    /** Whether the attribution-service already knows {@code code} (it arrived through tally.campaigns). */
    boolean trackingCodeKnown(String code) throws SQLException {
        try (Connection db = connect();
                PreparedStatement st = db.prepareStatement(
                        "SELECT count(*) FROM attribution.tracking_code WHERE code = ?")) {
            st.setString(1, code.toLowerCase());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /**
     * Records on the group's topics that the group has not committed yet (end offset minus committed offset, over
     * every partition; a partition without a commit counts from its start).
     */
    Map<String, Long> lag() throws InterruptedException, ExecutionException {
        Map<String, Long> lag = new HashMap<>();
        try (Admin admin = Admin.create(new HashMap<>(suite.devstack().kafka().clientConfig()))) {
            for (Map.Entry<String, List<String>> group : GROUPS.entrySet()) {
                Set<TopicPartition> partitions = admin.describeTopics(group.getValue()).allTopicNames().get()
                        .values().stream()
                        .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                        .collect(Collectors.toSet());
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets(group.getKey()).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
                Map<TopicPartition, OffsetSpec> earliest = partitions.stream()
                        .collect(Collectors.toMap(p -> p, p -> OffsetSpec.earliest()));
                var ends = admin.listOffsets(latest).all().get();
                var starts = admin.listOffsets(earliest).all().get();
                long behind = 0;
                for (TopicPartition partition : partitions) {
                    OffsetAndMetadata commit = committed.get(partition);
                    long position = commit != null ? commit.offset() : starts.get(partition).offset();
                    behind += Math.max(0, ends.get(partition).offset() - position);
                }
                lag.put(group.getKey(), behind);
            }
        }
        return lag;
    }

    /** The attribution report's total for {@code day} under {@link #MODEL}, through the gateway as an analyst. */
    ChaosFigures.ReportTotal reportTotal(LocalDate day) throws Exception {
        URI uri = URI.create(suite.gatewayUrl() + "/api/v1/reports/attribution?from=" + day + "&to=" + day
                + "&model=" + MODEL + "&groupBy=programme");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .header("Authorization", suite.issuer().bearer(Role.ANALYST)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        BigDecimal revenue = BigDecimal.ZERO;
        BigDecimal conversions = BigDecimal.ZERO;
        for (JsonNode total : JSON.readTree(response.body()).path("totals")) {
            revenue = revenue.add(new BigDecimal(total.path("revenue").asText("0")));
            conversions = conversions.add(new BigDecimal(total.path("conversions").asText("0")));
        }
        return new ChaosFigures.ReportTotal(revenue, conversions);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(suite.devstack().postgres().jdbcUrl(), PostgresServer.USER,
                PostgresServer.PASSWORD);
    }
}
