package io.tally.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Aggregates simulated journeys into the path file {@code POST /api/v1/attribution/evaluate} reads: header
 * {@code path,total_conversions,total_conversion_value,total_null}, one row per distinct path sorted by path, a path
 * being every touch in time order (repeats kept) as its channel ({@code paid_search>email}) or its state
 * ({@code paid_search:click>email:open}) joined by {@code >}; a journey without touches has the empty path. Counts are
 * integers, the value is the conversions' revenue with two decimals, all plain numbers.
 */
public final class PathFiles {

    public static final String HEADER = "path,total_conversions,total_conversion_value,total_null";

    /** One row of the file. */
    public record Row(String path, long conversions, BigDecimal value, long nulls) {

        String csv() {
            return path + "," + conversions + "," + value.setScale(2).toPlainString() + "," + nulls;
        }
    }

    private PathFiles() {
    }

    /** The rows, sorted by path; {@code states} names each touch {@code channel:kind} rather than the channel. */
    public static List<Row> rows(List<Customer> customers, boolean states) {
        Map<String, Row> rows = new TreeMap<>();
        for (Customer customer : customers) {
            String path = customer.touches().stream().map(touch -> states ? touch.state() : touch.channel())
                    .collect(Collectors.joining(">"));
            Row add = customer.converted()
                    ? new Row(path, 1, customer.orderValue(), 0)
                    : new Row(path, 0, BigDecimal.ZERO, 1);
            rows.merge(path, add, (a, b) -> new Row(path, a.conversions() + b.conversions(), a.value().add(b.value()),
                    a.nulls() + b.nulls()));
        }
        return List.copyOf(rows.values());
    }

    /** Writes the header and the rows, each line ending in {@code \n}. */
    public static void write(List<Customer> customers, boolean states, Writer out) {
        try {
            out.write(HEADER + "\n");
            for (Row row : rows(customers, states)) {
                out.write(row.csv() + "\n");
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
