package io.tally.events.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonMappingException;

/**
 * {@link IsoInstants}: the canonical form read without a formatter gives what {@link Instant#parse} gives, for random
 * instants at every fraction length; what is not canonical is left to the general reader, so accepted and refused
 * values are as before.
 */
class IsoInstantsTest {

    private record At(Instant at) {
    }

    @Test
    void canonicalInstantsReadAsTheJdkParsesThem() throws Exception {
        Random random = new Random(20261207L);
        for (int i = 0; i < 20_000; i++) {
            Instant at = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
                    random.nextInt(1_000_000_000));
            int fractionDigits = random.nextInt(10); // 0..9
            String text = format(at, fractionDigits);

            Instant expected = Instant.parse(text);
            assertThat(IsoInstants.parseCanonical(text)).as(text).isEqualTo(expected);
            assertThat(read(text)).as(text).isEqualTo(expected);
        }
    }

    @Test
    void otherFormsAreLeftToTheGeneralReaderAndReadAsBefore() throws Exception {
        for (String text : List.of("2026-11-02T10:15:30+01:00", "2026-11-02t10:15:30z", "2026-11-02T24:00:00Z",
                "2026-11-02T10:15:30.Z",
                "+12026-11-02T10:15:30Z", "2026-11-02T10:15:30.1234567890Z")) {
            assertThat(IsoInstants.parseCanonical(text)).as(text).isNull();
        }
        // the general reader still takes what it took
        assertThat(read("2026-11-02T10:15:30+01:00")).isEqualTo(Instant.parse("2026-11-02T09:15:30Z"));
        assertThat(read("2026-11-02t10:15:30z")).isEqualTo(Instant.parse("2026-11-02T10:15:30Z"));
        assertThat(read("2026-11-02T24:00:00Z")).as("the end of the day")
                .isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
    }

    @Test
    void invalidDatesAndTimesAreStillRefused() {
        for (String text : List.of("2026-02-30T10:15:30Z", "2026-13-01T10:15:30Z",
                "2026-11-02T10:60:30Z", "2026-11-02T10:15:3xZ", "2026-11-02 10:15:30Z", "not a time")) {
            assertThat(IsoInstants.parseCanonical(text)).as(text).isNull();
            assertThatThrownBy(() -> read(text)).as(text).isInstanceOf(JsonMappingException.class);
        }
    }

    private static Instant read(String text) throws Exception {
        return EventJson.mapper().readValue(("{\"at\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8), At.class)
                .at();
    }

    /** {@code yyyy-MM-ddTHH:mm:ss} with exactly {@code fractionDigits} digits of fraction (none: no point), then Z. */
    private static String format(Instant at, int fractionDigits) {
        DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().appendPattern("uuuu-MM-dd'T'HH:mm:ss");
        if (fractionDigits > 0) {
            builder.appendFraction(java.time.temporal.ChronoField.NANO_OF_SECOND, fractionDigits, fractionDigits,
                    true);
        }
        DateTimeFormatter formatter = builder.appendLiteral('Z').toFormatter().withZone(java.time.ZoneOffset.UTC);
        return formatter.format(at);
    }
}
