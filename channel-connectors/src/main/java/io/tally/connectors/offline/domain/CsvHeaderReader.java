package io.tally.connectors.offline.domain;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the header row off the front of an upload, byte by byte, without reading further: the rest of the stream is
 * left for spooling. A line break inside a quoted header cell does not end the row.
 */
public final class CsvHeaderReader {

    private CsvHeaderReader() {
    }

    /**
     * The header row's bytes, line break included (empty for an empty upload).
     *
     * @param in a buffered stream, positioned at the start of the upload
     * @param maxBytes the longest header row accepted
     * @throws HeaderTooLongException when no row end comes within {@code maxBytes}
     */
    public static byte[] read(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        boolean quoted = false;
        int b;
        while ((b = in.read()) >= 0) {
            line.write(b);
            if (line.size() > maxBytes) {
                throw new HeaderTooLongException(maxBytes);
            }
            if (b == '"') {
                quoted = !quoted;
            } else if (b == '\n' && !quoted) {
                break;
            }
        }
        return line.toByteArray();
    }

    /** The first row of an upload is longer than allowed (most likely not a CSV file). */
    public static final class HeaderTooLongException extends IOException {
        private final int maxBytes;

        HeaderTooLongException(int maxBytes) {
            super("the header row is longer than " + maxBytes + " bytes");
            this.maxBytes = maxBytes;
        }

        public int maxBytes() {
            return maxBytes;
        }
    }
}
