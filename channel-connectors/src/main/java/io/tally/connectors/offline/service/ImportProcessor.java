package io.tally.connectors.offline.service;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.tally.connectors.messaging.PublishFailedException;
import io.tally.connectors.offline.config.OfflineConfig;
import io.tally.connectors.offline.domain.Columns;
import io.tally.connectors.offline.domain.CsvFiles;
import io.tally.connectors.offline.domain.CsvRow;
import io.tally.connectors.offline.domain.MaskedRows;
import io.tally.connectors.offline.domain.OfflineChannels;
import io.tally.connectors.pipeline.IngestPipeline;
import io.tally.connectors.pipeline.Ingested;
import io.tally.events.validation.Violation;

/**
 * Processes spooled uploads in the background, {@code workers} at a time: reads the file in chunks of
 * {@code chunk-size} rows, sends each chunk through {@link IngestPipeline#ingestEach} and records its counts and
 * rejected rows before reading the next. The spooled file is deleted when the job ends.
 */
@ApplicationScoped
public class ImportProcessor {

    private static final Logger LOG = Logger.getLogger(ImportProcessor.class);

    @Inject
    OfflineConfig config;
    @Inject
    IngestPipeline pipeline;
    @Inject
    ImportJobService jobs;

    private final Set<UUID> active = ConcurrentHashMap.newKeySet();
    private ManagedExecutor executor;
    private OfflineChannels channels;

    @PostConstruct
    void init() {
        channels = new OfflineChannels(config.typeChannels());
        executor = ManagedExecutor.builder().maxAsync(config.workers()).maxQueued(-1)
                .propagated(ThreadContext.NONE).cleared(ThreadContext.ALL_REMAINING).build();
    }

    /** Queues the job; it runs when a worker is free. */
    public void submit(UUID id, Columns columns, Path file) {
        active.add(id);
        executor.runAsync(() -> process(id, columns, file));
    }

    /** The jobs this instance holds (queued or running), for the heartbeat. */
    public Set<UUID> active() {
        return Set.copyOf(active);
    }

    void process(UUID id, Columns columns, Path file) {
        String error = null;
        long rowsDone = 0;
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8);
                CsvFiles.RowIterator rows = CsvFiles.rows(reader)) {
            jobs.start(id);
            OfflineCsvConnector connector = new OfflineCsvConnector(columns, channels);
            Set<Integer> personal = columns.personalIndexes();
            List<CsvRow> chunk = new ArrayList<>(config.chunkSize());
            while (rows.hasNext()) {
                chunk.add(rows.next());
                if (chunk.size() == config.chunkSize() || !rows.hasNext()) {
                    ingest(id, connector, chunk, personal);
                    rowsDone += chunk.size();
                    chunk.clear();
                }
            }
        } catch (UncheckedIOException | IOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            String reason = cause instanceof JsonProcessingException json
                    ? json.getOriginalMessage()
                    : cause.getMessage();
            error = "the file is not valid CSV after data row " + rowsDone + ": " + reason;
        } catch (PublishFailedException e) {
            error = "Kafka stayed unavailable after " + rowsDone + " rows; upload the file again (rows already "
                    + "published are deduplicated)";
        } catch (RuntimeException e) {
            LOG.errorf(e, "import %s failed", id);
            error = "the import failed after " + rowsDone + " rows; the error was logged";
        } finally {
            finish(id, error, file);
        }
    }

    private void ingest(UUID id, OfflineCsvConnector connector, List<CsvRow> chunk, Set<Integer> personal) {
        Ingested ingested = pipeline.ingestEach(connector, chunk, row -> MaskedRows.raw(row, personal));
        List<RejectedRow> rejected = new ArrayList<>();
        for (Ingested.Rejected r : ingested.rejected()) {
            long row = chunk.get(r.index()).number();
            List<Violation> violations = r.reject().violations();
            for (int i = 0; i < violations.size(); i++) {
                rejected.add(new RejectedRow(row, i, violations.get(i).field(), violations.get(i).reason(),
                        r.reject().rawPayload()));
            }
        }
        jobs.recordChunk(id, chunk.size(), ingested.published().size(), ingested.duplicates().size(), rejected);
    }

    private void finish(UUID id, String error, Path file) {
        try {
            jobs.finish(id, error);
        } finally {
            active.remove(id);
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warnf("could not delete the spooled upload %s: %s", file, e.getMessage());
            }
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
