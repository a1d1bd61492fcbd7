package io.tally.attribution.observability;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * The crediting pipeline on {@code /q/metrics}: {@code tally_attribution_credited_conversions_total} and
 * {@code tally_attribution_ledger_rows_total} (their rates are credits/s and ledger rows/s), and
 * {@code tally_attribution_credit_latency_seconds}, from a conversion record's timestamp to its credit committed, as
 * a histogram ({@code _bucket}), so Prometheus computes p50/p95/p99 over any window and across replicas. The crediting
 * code calls {@link #credited} and {@link #creditLatency} once its transaction committed; the meters exist from startup,
 * so a service that credited nothing shows zeros, not gaps.
 */
@ApplicationScoped
@Startup
public class PipelineMetrics {

    /** Micrometer name of the conversions counter. */
    public static final String CREDITED_CONVERSIONS = "tally.attribution.credited.conversions";
    /** Micrometer name of the ledger rows counter. */
    public static final String LEDGER_ROWS = "tally.attribution.ledger.rows";
    /** Micrometer name of the latency timer. */
    public static final String CREDIT_LATENCY = "tally.attribution.credit.latency";

    private final Counter conversions;
    private final Counter ledgerRows;
    private final Timer latency;

    @Inject
    public PipelineMetrics(MeterRegistry registry) {
        conversions = Counter.builder(CREDITED_CONVERSIONS)
                .description("Conversions credited to the ledger").register(registry);
        ledgerRows = Counter.builder(LEDGER_ROWS)
                .description("Ledger rows written while crediting").register(registry);
        latency = Timer.builder(CREDIT_LATENCY)
                .description("From a conversion record's timestamp to its credit in the ledger")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
    }

    /** {@code conversions} conversions were credited, writing {@code ledgerRows} ledger rows (after the commit). */
    public void credited(int conversions, int ledgerRows) {
        if (conversions > 0) {
            this.conversions.increment(conversions);
        }
        if (ledgerRows > 0) {
            this.ledgerRows.increment(ledgerRows);
        }
    }

    /**
     * One conversion's credit committed {@code sinceRecordTimestamp} after its Kafka record's timestamp (a negative
     * duration, from clocks apart, counts as zero).
     */
    public void creditLatency(Duration sinceRecordTimestamp) {
        latency.record(sinceRecordTimestamp.isNegative() ? Duration.ZERO : sinceRecordTimestamp);
    }
}
