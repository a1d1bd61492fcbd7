package io.tally.connectors.offline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CsvFilesTest {

    @Test
    void headerReaderStopsAtTheFirstUnquotedLineBreakAndLeavesTheRest() throws Exception {
        InputStream in = new ByteArrayInputStream("a,\"b\nc\",d\r\n1,2,3\n".getBytes(StandardCharsets.UTF_8));

        byte[] header = CsvHeaderReader.read(in, 100);

        assertThat(new String(header, StandardCharsets.UTF_8)).isEqualTo("a,\"b\nc\",d\r\n");
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("1,2,3\n");
        assertThat(CsvFiles.header(new String(header, StandardCharsets.UTF_8))).containsExactly("a", "b\nc", "d");
    }

    @Test
    void headerReaderRefusesAFirstRowOverTheLimit() {
        InputStream in = new ByteArrayInputStream("x".repeat(200).getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> CsvHeaderReader.read(in, 100))
                .isInstanceOf(CsvHeaderReader.HeaderTooLongException.class);
    }

    @Test
    void headerWithByteOrderMarkLosesTheMark() throws Exception {
        assertThat(CsvFiles.header("\uFEFForder_id,amount\n")).containsExactly("order_id", "amount");
    }

    @Test
    void rowsAreNumberedFromTheFirstDataRowSkippingBlankLinesAndKeepingQuotedCells() throws Exception {
        List<CsvRow> rows = new ArrayList<>();
        try (CsvFiles.RowIterator it = CsvFiles
                .rows(new StringReader("h1,h2\r\na,b\r\n\r\n\"c,1\",\"say \"\"hi\"\"\"\n"))) {
            it.forEachRemaining(rows::add);
        }

        assertThat(rows).extracting(CsvRow::number).containsExactly(1L, 2L);
        assertThat(rows.get(1).cells()).containsExactly("c,1", "say \"hi\"");
    }

    @Test
    void anUnterminatedQuoteFailsTheIteration() throws Exception {
        try (CsvFiles.RowIterator it = CsvFiles.rows(new StringReader("h1,h2\na,\"b\n"))) {
            assertThatThrownBy(() -> {
                while (it.hasNext()) {
                    it.next();
                }
            }).isInstanceOf(UncheckedIOException.class);
        }
    }

    @Test
    void maskedRowsHidePersonalCellsAndQuoteTheRest() {
        CsvRow row = new CsvRow(3, new String[]{"A-1", "anna@example.com", "", "SUMMER,26", "+49 30 1"});

        assertThat(MaskedRows.raw(row, Set.of(1, 2, 4))).isEqualTo("A-1,***,,\"SUMMER,26\",***");
    }

    @Test
    void timestampsAcceptIsoInstantsOffsetsAndUtcLocalTimes() {
        assertThat(OfflineTimestamps.parse("2026-11-22T10:15:30Z")).hasToString("2026-11-22T10:15:30Z");
        assertThat(OfflineTimestamps.parse("2026-11-22T11:15:30+01:00")).hasToString("2026-11-22T10:15:30Z");
        assertThat(OfflineTimestamps.parse("2026-11-22 10:15:30")).hasToString("2026-11-22T10:15:30Z");
        assertThat(OfflineTimestamps.parse("22.11.2026 10:15")).isNull();
        assertThat(OfflineTimestamps.parse("2026-02-30 10:15:30")).isNull();
    }
}
