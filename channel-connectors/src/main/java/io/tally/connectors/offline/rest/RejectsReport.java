package io.tally.connectors.offline.rest;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.StreamingOutput;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.tally.connectors.offline.domain.MaskedRows;
import io.tally.connectors.offline.service.ImportJobService;
import io.tally.connectors.offline.service.RejectedRow;

/** Streams a job's rejected-rows report page by page, as CSV or as a JSON list, in constant memory. */
@ApplicationScoped
public class RejectsReport {

    /** The report's CSV header row. */
    public static final String CSV_HEADER = "row,column,reason,raw";
    private static final int PAGE = 1000;

    @Inject
    ImportJobService jobs;
    @Inject
    ObjectMapper mapper;

    StreamingOutput csv(UUID id) {
        return out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write(CSV_HEADER + "\r\n");
            forEach(id, r -> {
                try {
                    writer.write(r.row() + "," + MaskedRows.quote(r.column()) + "," + MaskedRows.quote(r.reason())
                            + "," + MaskedRows.quote(r.raw()) + "\r\n");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.flush();
        };
    }

    StreamingOutput json(UUID id) {
        return out -> {
            try (JsonGenerator json = mapper.createGenerator(out)) {
                json.writeStartArray();
                forEach(id, r -> {
                    try {
                        json.writeObject(new RejectedRowResponse(r.row(), r.column(), r.reason(), r.raw()));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
                json.writeEndArray();
            }
        };
    }

    private void forEach(UUID id, Consumer<RejectedRow> line) {
        long afterRow = 0;
        int afterOrdinal = -1;
        List<RejectedRow> page;
        do {
            page = jobs.rejectsAfter(id, afterRow, afterOrdinal, PAGE);
            page.forEach(line);
            if (!page.isEmpty()) {
                afterRow = page.get(page.size() - 1).row();
                afterOrdinal = page.get(page.size() - 1).ordinal();
            }
        } while (page.size() == PAGE);
    }
}
