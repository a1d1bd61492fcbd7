package io.tally.attribution.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.tally.attribution.models.datadriven.ChannelDictionary;
import io.tally.events.validation.Violation;
import io.tally.support.problem.ProblemException;

/** The streaming path-file tokenizer: quotes, line ends, blank counts and bad rows. */
class PathFileReaderTest {

    /** Each row as {@code "a>b|conversions|value|nulls"}. */
    private static List<String> read(String csv) {
        ChannelDictionary channels = new ChannelDictionary();
        List<String> rows = new ArrayList<>();
        PathFileReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), channels,
                (touches, length, conversions, value, nulls) -> rows.add(Arrays.stream(touches, 0, length)
                        .mapToObj(channels::name).collect(Collectors.joining(">")) + "|"
                        + conversions.toPlainString() + "|" + value.toPlainString() + "|" + nulls.toPlainString()));
        return rows;
    }

    private static List<Violation> errors(String csv) {
        try {
            read(csv);
        } catch (ProblemException e) {
            return e.errors();
        }
        throw new AssertionError("no problem for " + csv);
    }

    @Test
    void readsPlainRowsTrimmingNamesAndCountingBlankAsZero() {
        assertThat(read("path,total_conversions,total_conversion_value,total_null\n"
                + " social > email ,10,1000.00,90\nsearch,, ,\n,1,5,2\n"))
                .containsExactly("social>email|10|1000.00|90", "search|0|0|0", "|1|5|2");
    }

    @Test
    void quotedFieldsHoldCommasQuotesAndLineBreaks() {
        assertThat(read("path,total_conversions,total_conversion_value,total_null\n"
                + "\"a, inc > \"\"b\"\"\",1,\"2.5\",3\n\"multi\nline\",1,1,1\n"))
                .containsExactly("a, inc>\"b\"|1|2.5|3", "multi\nline|1|1|1");
    }

    @Test
    void crlfLineEndsEmptyLinesAndHeaderCaseAreAccepted() {
        assertThat(read(" Path , TOTAL_CONVERSIONS,total_conversion_value,Total_Null\r\n\r\na>b,1,2,3\r\nc,0.5,1e1,4"))
                .containsExactly("a>b|1|2|3", "c|0.5|10|4");
    }

    @Test
    void nonAsciiChannelNamesSurviveTrimming() {
        assertThat(read("path,total_conversions,total_conversion_value,total_null\n\u00a0café > 広告 ,1,2,3\n"))
                .containsExactly("\u00a0café>広告|1|2|3");
    }

    @Test
    void columnsMayComeInAnyOrder() {
        assertThat(read("total_null,path,total_conversion_value,total_conversions\n7,x > y,9.99,2\n"))
                .containsExactly("x>y|2|9.99|7");
    }

    @Test
    void missingColumnsAreNamed() {
        assertThat(errors("path,total_conversions\na,1\n")).extracting(Violation::field, Violation::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("header",
                        "missing column(s) total_conversion_value, total_null; expected "
                                + "path,total_conversions,total_conversion_value,total_null"));
    }

    @Test
    void badRowsAreNamedByRowAndColumn() {
        List<Violation> errors = errors("path,total_conversions,total_conversion_value,total_null\n"
                + "a,1,2,3\nb > > c,1,1,1\nd,x,-1,1\n");
        assertThat(errors).containsExactly(
                new Violation("row 2.path", "has an empty channel name between '>'"),
                new Violation("row 3.total_conversions", "must be a number"),
                new Violation("row 3.total_conversion_value", "must not be negative"));
    }

    @Test
    void stopsAfterAHundredErrors() {
        StringBuilder csv = new StringBuilder("path,total_conversions,total_conversion_value,total_null\n");
        for (int i = 0; i < 500; i++) {
            csv.append("a,-1,0,0\n");
        }
        assertThat(errors(csv.toString())).hasSize(PathFileReader.MAX_REPORTED);
    }

    @Test
    void anUnclosedQuoteIsNotReadableCsv() {
        assertThat(errors("path,total_conversions,total_conversion_value,total_null\n\"a,1,2,3\n"))
                .extracting(Violation::field).containsExactly("body");
    }

    @Test
    void channelNamesAreNumberedOnce() {
        ChannelDictionary channels = new ChannelDictionary();
        PathFileReader.read(new ByteArrayInputStream(
                "path,total_conversions,total_conversion_value,total_null\na>b>a,1,1,1\nb>a,1,1,1\n"
                        .getBytes(StandardCharsets.UTF_8)),
                channels, (t, l, c, v, n) -> {
                });
        assertThat(channels.size()).isEqualTo(2);
    }

    @Test
    void longPathsOfLongNamesSplitAtEverySeparator() {
        StringBuilder path = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String name = "channel_" + "x".repeat(i % 13) + i;
            expected.add(name);
            path.append(i == 0 ? "" : i % 3 == 0 ? ">" : "  >   ").append(name);
        }
        assertThat(read("path,total_conversions,total_conversion_value,total_null\n" + path + ",1,2,3\n"))
                .containsExactly(String.join(">", expected) + "|1|2|3");
    }

    @Test
    void decimalsKeepTheirScaleAndOddNumbersGoToTheGeneralParser() {
        assertThat(read("path,total_conversions,total_conversion_value,total_null\n"
                + "a,0.00,129.90,007\nb,1.,.5,0\nc,1234567890123456789,0.000000000000000001,1\n"))
                .containsExactly("a|0.00|129.90|7", "b|1|0.5|0",
                        "c|1234567890123456789|0.000000000000000001|1");
        assertThat(errors("path,total_conversions,total_conversion_value,total_null\na,1.2.3,1,1\n"))
                .containsExactly(new Violation("row 1.total_conversions", "must be a number"));
    }
}
