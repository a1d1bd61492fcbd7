package io.tally.attribution.rest;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

/**
 * Writes any {@link CsvTable} report as {@code text/csv} (RFC 4180: comma separated, CRLF line ends, fields quoted
 * when they hold a comma, quote or line break), offering it as a download under the report's file name.
 */
@Provider
@Produces(CsvTableWriter.CSV)
public class CsvTableWriter implements MessageBodyWriter<CsvTable> {

    /** The CSV media type reports produce. */
    public static final String CSV = "text/csv";

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return CsvTable.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(CsvTable table, Class<?> type, Type genericType, Annotation[] annotations,
            MediaType mediaType, MultivaluedMap<String, Object> headers, OutputStream entity) throws IOException {
        headers.putSingle("Content-Disposition", "attachment; filename=\"" + table.csvFilename() + "\"");
        headers.putSingle("Content-Type", CSV + "; charset=UTF-8");
        Writer out = new BufferedWriter(new OutputStreamWriter(entity, StandardCharsets.UTF_8));
        line(out, table.csvHeader());
        for (List<String> row : table.csvRows()) {
            line(out, row);
        }
        out.flush();
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** One field, quoted when it must be. */
    static String field(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
