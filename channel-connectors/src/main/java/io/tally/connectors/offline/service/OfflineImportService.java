package io.tally.connectors.offline.service;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

import io.tally.connectors.csv.ColumnMapping;
import io.tally.connectors.offline.config.OfflineConfig;
import io.tally.connectors.offline.domain.Columns;
import io.tally.connectors.offline.domain.CsvFiles;
import io.tally.connectors.offline.domain.CsvHeaderReader;
import io.tally.connectors.offline.domain.ImportField;
import io.tally.connectors.offline.domain.ImportKind;
import io.tally.events.validation.Violation;
import io.tally.support.problem.ProblemException;

/**
 * Starts an offline import: checks the media type, the kind and the column mapping, reads and checks the header row,
 * spools the rest of the upload to a temp file (counting bytes), creates the job and queues it. Only the header row is
 * ever held in memory.
 */
@ApplicationScoped
public class OfflineImportService {

    private static final int READ_BUFFER = 64 * 1024;

    @Inject
    OfflineConfig config;
    @Inject
    UploadSpooler spooler;
    @Inject
    ImportJobService jobs;
    @Inject
    ImportProcessor processor;

    /**
     * @throws ProblemException 415 (not UTF-8 text/csv), 400 (unknown kind or mapped field), 413 (over the limit),
     *         422 (no header row, or a mapped column missing from it); in every case no job is created
     */
    public ImportJob upload(String kindName, Map<String, List<String>> query, MediaType mediaType, Long declaredLength,
            InputStream body) throws IOException {
        checkMediaType(mediaType);
        ImportKind kind = ImportKind.fromWireName(kindName).orElseThrow(() -> ProblemException.invalid("kind",
                "must be touchpoints, conversions or refunds"));
        List<Violation> violations = new ArrayList<>();
        ColumnMapping<ImportField> mapping = kind.columnMapping(ColumnMapping.overridesFrom(query), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.invalid(violations);
        }
        if (declaredLength != null && declaredLength > config.maxUploadBytes()) {
            throw ProblemException.tooLarge(config.maxUploadBytes());
        }
        InputStream in = new BufferedInputStream(body, READ_BUFFER);
        byte[] headerBytes = readHeader(in);
        Columns columns = Columns.of(kind, mapping, parseHeader(headerBytes), violations);
        if (!violations.isEmpty()) {
            throw ProblemException.unprocessable(violations);
        }
        UploadSpooler.Spooled spooled = spooler.spool(headerBytes, in);
        ImportJob job = jobs.create(kind, spooled.bytes());
        processor.submit(job.id(), columns, spooled.file());
        return job;
    }

    private static void checkMediaType(MediaType type) {
        if (type == null || !"text".equalsIgnoreCase(type.getType()) || !"csv".equalsIgnoreCase(type.getSubtype())) {
            throw ProblemException.unsupportedMediaType("the body must be a CSV file sent as text/csv, not "
                    + (type == null ? "an untyped body" : type.getType() + "/" + type.getSubtype()));
        }
        String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !List.of("utf-8", "utf8", "us-ascii").contains(charset.toLowerCase(Locale.ROOT))) {
            throw ProblemException.unsupportedMediaType("the CSV file must be UTF-8 encoded, not " + charset);
        }
    }

    private byte[] readHeader(InputStream in) throws IOException {
        try {
            return CsvHeaderReader.read(in, config.maxHeaderBytes());
        } catch (CsvHeaderReader.HeaderTooLongException e) {
            throw ProblemException.unprocessable(List.of(new Violation("header", "the first row is longer than "
                    + e.maxBytes() + " bytes; the first row must be the header row")));
        }
    }

    private static String[] parseHeader(byte[] headerBytes) {
        String[] header;
        try {
            header = CsvFiles.header(new String(headerBytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ProblemException.unprocessable(List.of(new Violation("header", "the first row is not a CSV row")));
        }
        if (header.length == 0 || (header.length == 1 && header[0].isBlank())) {
            throw ProblemException.unprocessable(List.of(new Violation("header",
                    "the upload is empty; its first row must be the header row")));
        }
        return header;
    }
}
