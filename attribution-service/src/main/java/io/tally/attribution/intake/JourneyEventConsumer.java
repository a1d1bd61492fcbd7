package io.tally.attribution.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tally.attribution.observability.BatchTraces;
import io.tally.attribution.observability.PipelineMetrics;
import io.tally.events.Conversion;
import io.tally.events.ConversionAdjustment;
import io.tally.events.IdentityLink;
import io.tally.events.Touchpoint;
import io.tally.support.messaging.EventIntake;

/**
 * Consumes the topics that build journeys and their credit: touchpoints, conversions, identity links, refunds.
 *
 * <p>
 * Records come in batches (what one poll of the broker returned, {@code batch=true} on each channel) and a batch is
 * processed in one transaction with set-based statements ({@link EventIntake#acceptAll}); a batch that fails for one
 * bad record is processed again record by record, so only that record is dead-lettered. Batches are processed
 * concurrently, on the {@value #WORKERS} worker pool ({@code smallrye.messaging.worker.journey-workers.max-concurrency}):
 * the ledger does not depend on the order events arrive in (advisory locks serialise events of one customer or order,
 * and a late event re-credits), and offsets are committed only up to the last record of a partition whose predecessors
 * are all processed. Each batch is processed in a span linked to its records' traces ({@link BatchTraces}); the
 * conversions' crediting latency (record timestamp to batch committed) goes to {@link PipelineMetrics}.
 */
@ApplicationScoped
public class JourneyEventConsumer {

    /** The worker pool the consumers share. */
    static final String WORKERS = "journey-workers";

    @Inject
    EventIntake intake;
    @Inject
    IntakeService service;
    @Inject
    BatchTraces traces;
    @Inject
    PipelineMetrics metrics;

    @Incoming("touchpoints")
    @Blocking(value = WORKERS, ordered = false)
    public void touchpoints(ConsumerRecords<String, byte[]> records) {
        traced("tally.touchpoints store", records, () -> intake.acceptAll("attribution.touchpoints",
                payloads(records), Touchpoint.class, service::recordTouchpoints));
    }

    @Incoming("conversions")
    @Blocking(value = WORKERS, ordered = false)
    public void conversions(ConsumerRecords<String, byte[]> records) {
        traced("tally.conversions credit", records, () -> intake.acceptAll("attribution.conversions",
                payloads(records), Conversion.class, service::recordConversions));
        Instant now = Instant.now();
        for (ConsumerRecord<String, byte[]> record : records) {
            metrics.creditLatency(Duration.between(Instant.ofEpochMilli(record.timestamp()), now));
        }
    }

    @Incoming("identity-links")
    @Blocking(value = WORKERS, ordered = false)
    public void identityLinks(ConsumerRecords<String, byte[]> records) {
        traced("tally.identity-links merge", records, () -> intake.acceptAll("attribution.identity-links",
                payloads(records), IdentityLink.class, service::recordIdentityLinks));
    }

    @Incoming("conversion-adjustments")
    @Blocking(value = WORKERS, ordered = false)
    public void adjustments(ConsumerRecords<String, byte[]> records) {
        traced("tally.conversion-adjustments apply", records, () -> intake.acceptAll(
                "attribution.conversion-adjustments", payloads(records), ConversionAdjustment.class,
                service::recordAdjustments));
    }

    private static List<byte[]> payloads(ConsumerRecords<String, byte[]> records) {
        List<byte[]> payloads = new ArrayList<>(records.count());
        records.forEach(record -> payloads.add(record.value()));
        return payloads;
    }

    /** Runs the batch's processing in a span linked to each record's trace (nothing is recorded with tracing off). */
    private void traced(String name, ConsumerRecords<String, byte[]> records, Runnable processing) {
        Span span = traces.start(name, records);
        try (Scope scope = span.makeCurrent()) {
            processing.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
