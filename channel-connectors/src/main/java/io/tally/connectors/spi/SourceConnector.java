package io.tally.connectors.spi;

import java.util.List;

import io.tally.events.Event;
import io.tally.events.validation.Violations;

/**
 * A source of channel input: turns one input record (a beacon event, a webhook event, a CSV row, an export line) into
 * Tally events. Each source has one implementation in its channel's package ({@code web}, {@code email},
 * {@code social}, {@code costs}, {@code offline}); everything after mapping — validation against the event contract, deduplication,
 * publishing, dead letters, metrics — is the shared {@link io.tally.connectors.pipeline.IngestPipeline}.
 *
 * @param <I> the input record type
 */
public interface SourceConnector<I> {

    /**
     * The source's stable name, used as the metrics tag, the dead-letter source and in logs: {@code <channel>.<source>},
     * e.g. {@code web.collect}, {@code email.sendgrid}, {@code offline.csv}.
     */
    String source();

    /**
     * The events one input record stands for.
     *
     * @param record one input record
     * @param violations where to add every bad field of the record (JSON path or column name), relative to the record
     * @return the events; empty when the record is valid but ignored by design (e.g. an email "processed" event), or
     *         when violations were added
     */
    List<? extends Event> map(I record, Violations violations);
}
