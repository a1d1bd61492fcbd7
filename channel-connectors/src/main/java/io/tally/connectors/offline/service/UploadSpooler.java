package io.tally.connectors.offline.service;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.connectors.offline.config.OfflineConfig;
import io.tally.support.problem.ProblemException;

/** Copies an upload to a temp file in constant memory, counting bytes against {@code max-upload-bytes}. */
@ApplicationScoped
public class UploadSpooler {

    private static final int BUFFER = 64 * 1024;

    @Inject
    OfflineConfig config;

    /** A spooled upload: the file and its size in bytes. */
    public record Spooled(Path file, long bytes) {
    }

    /**
     * Writes {@code header} and then the rest of {@code body} to a new temp file.
     *
     * @throws ProblemException 413 as soon as the upload passes the limit; the partial file is deleted
     */
    public Spooled spool(byte[] header, InputStream body) throws IOException {
        long max = config.maxUploadBytes();
        Path dir = config.spoolDirectory().orElse(Path.of(System.getProperty("java.io.tmpdir")));
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "tally-import-", ".csv");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), BUFFER)) {
            long total = header.length;
            if (total > max) {
                throw ProblemException.tooLarge(max);
            }
            out.write(header);
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = body.read(buffer)) >= 0) {
                total += n;
                if (total > max) {
                    throw ProblemException.tooLarge(max);
                }
                out.write(buffer, 0, n);
            }
            out.flush();
            return new Spooled(file, total);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }
}
