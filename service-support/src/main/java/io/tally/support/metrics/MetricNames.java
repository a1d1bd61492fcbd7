package io.tally.support.metrics;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Prometheus metrics Tally's dashboards and alerts read, with the services that expose them on {@code /q/metrics}:
 * the one list both sides are checked against. Each service has a test that finds every name listed for it on its own
 * endpoint (campaign-service {@code ServiceMetricsTest}, attribution-service {@code PipelineMetricsTest}, gateway
 * {@code ApiRoutesTest}, channel-connectors {@code SourceMetricsTest}), and the k8s module's {@code MonitoringTest}
 * refuses a dashboard panel or alert rule that names a metric missing here.
 */
public final class MetricNames {

    /** A metric as Prometheus shows it, and the modules that expose it. */
    public record Metric(String name, Set<String> services) {

        /** Whether {@code service} (a module name) exposes it. */
        public boolean exposedBy(String service) {
            return services.contains(service);
        }
    }

    public static final String CAMPAIGN = "campaign-service";
    public static final String ATTRIBUTION = "attribution-service";
    public static final String CONNECTORS = "channel-connectors";
    public static final String GATEWAY = "gateway";

    /** HTTP requests served (Quarkus' Micrometer binder), by method, uri, status and outcome. */
    public static final String HTTP_REQUESTS = "http_server_requests_seconds_count";
    /** Records between a consumer's position and the end of its partition (Kafka client metrics, per partition). */
    public static final String CONSUMER_LAG = "kafka_consumer_fetch_manager_records_lag";
    /** The largest lag of any partition one consumer is assigned. */
    public static final String CONSUMER_LAG_MAX = "kafka_consumer_fetch_manager_records_lag_max";
    /** Outbox rows not yet published, per {@code service} (outbox module, {@code OutboxMetrics}). */
    public static final String OUTBOX_BACKLOG = "tally_outbox_backlog";
    /** Seconds since the oldest unpublished outbox row was written, 0 when none waits. */
    public static final String OUTBOX_OLDEST_AGE = "tally_outbox_oldest_age_seconds";
    /** Records a consumer dead-lettered, by {@code source} and {@code field} ({@code IntakeRejects}). */
    public static final String INTAKE_REJECTS = "tally_intake_rejects_total";
    /** Events the connectors refused, by {@code source} and {@code reason} ({@code SourceMetrics}). */
    public static final String CONNECTOR_REJECTS = "tally_connectors_events_rejected_total";
    /** Conversions credited to the ledger ({@code PipelineMetrics}). */
    public static final String CREDITED_CONVERSIONS = "tally_attribution_credited_conversions_total";
    /** Ledger rows written while crediting ({@code PipelineMetrics}). */
    public static final String LEDGER_ROWS = "tally_attribution_ledger_rows_total";
    /** From a conversion record's timestamp to its credit in the ledger: histogram buckets for quantiles. */
    public static final String CREDIT_LATENCY_BUCKETS = "tally_attribution_credit_latency_seconds_bucket";
    /** When campaign-service's goal monitor last finished a sweep (Unix seconds; 0 before the first). */
    public static final String GOAL_MONITOR_LAST_SUCCESS = "tally_goals_monitor_last_success_seconds";
    /** Goal monitor sweeps, by {@code outcome} ({@code success}, {@code failure}). */
    public static final String GOAL_MONITOR_SWEEPS = "tally_goals_monitor_sweeps_total";

    /** Every metric the dashboards and alerts may name. */
    public static final List<Metric> ALL = List.of(
            new Metric(HTTP_REQUESTS, Set.of(CAMPAIGN, ATTRIBUTION, CONNECTORS, GATEWAY)),
            new Metric(CONSUMER_LAG, Set.of(CAMPAIGN, ATTRIBUTION)),
            new Metric(CONSUMER_LAG_MAX, Set.of(CAMPAIGN, ATTRIBUTION)),
            new Metric(OUTBOX_BACKLOG, Set.of(CAMPAIGN, ATTRIBUTION)),
            new Metric(OUTBOX_OLDEST_AGE, Set.of(CAMPAIGN, ATTRIBUTION)),
            new Metric(INTAKE_REJECTS, Set.of(CAMPAIGN, ATTRIBUTION)),
            new Metric(CONNECTOR_REJECTS, Set.of(CONNECTORS)),
            new Metric(CREDITED_CONVERSIONS, Set.of(ATTRIBUTION)),
            new Metric(LEDGER_ROWS, Set.of(ATTRIBUTION)),
            new Metric(CREDIT_LATENCY_BUCKETS, Set.of(ATTRIBUTION)),
            new Metric(GOAL_MONITOR_LAST_SUCCESS, Set.of(CAMPAIGN)),
            new Metric(GOAL_MONITOR_SWEEPS, Set.of(CAMPAIGN)));

    private MetricNames() {
    }

    /** The names of every metric. */
    public static Set<String> names() {
        Set<String> names = new TreeSet<>();
        ALL.forEach(metric -> names.add(metric.name()));
        return names;
    }

    /** The names {@code service} (a module name) must show on its {@code /q/metrics}. */
    public static Set<String> exposedBy(String service) {
        Set<String> names = new TreeSet<>();
        ALL.stream().filter(metric -> metric.exposedBy(service)).forEach(metric -> names.add(metric.name()));
        return names;
    }
}
