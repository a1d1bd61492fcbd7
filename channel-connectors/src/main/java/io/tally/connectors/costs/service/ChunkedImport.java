package io.tally.connectors.costs.service;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.tally.connectors.messaging.PublishFailedException;
import io.tally.connectors.pipeline.IngestPipeline;
import io.tally.connectors.spi.SourceConnector;
import io.tally.support.problem.ProblemException;

/**
 * Feeds streamed rows to {@link IngestPipeline#ingestEach} a chunk at a time, so memory is bounded by the chunk size,
 * and counts the outcome in an {@link ImportTally}.
 */
final class ChunkedImport<I> {

    private final IngestPipeline pipeline;
    private final SourceConnector<I> connector;
    private final Function<I, String> raw;
    private final int chunkSize;
    private final int retryAfterSeconds;
    private final ImportTally tally;
    private final List<I> pending = new ArrayList<>();

    ChunkedImport(IngestPipeline pipeline, SourceConnector<I> connector, Function<I, String> raw, int chunkSize,
            int retryAfterSeconds, ImportTally tally) {
        this.pipeline = pipeline;
        this.connector = connector;
        this.raw = raw;
        this.chunkSize = Math.max(1, chunkSize);
        this.retryAfterSeconds = retryAfterSeconds;
        this.tally = tally;
    }

    /** Adds the next row; ingests the chunk when it is full. */
    void add(I row) {
        pending.add(row);
        if (pending.size() >= chunkSize) {
            flush();
        }
    }

    /**
     * Ingests the rows not ingested yet.
     *
     * @throws ProblemException 503 when the broker stayed unavailable through every retry
     */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            tally.add(pipeline.ingestEach(connector, pending, raw), pending.size(), tally.rows() + 1);
        } catch (PublishFailedException e) {
            throw ProblemException.unavailable(
                    "Kafka did not acknowledge the import; retry it later. " + tally.progress(),
                    retryAfterSeconds);
        } finally {
            pending.clear();
        }
    }

    ImportTally tally() {
        return tally;
    }
}
