package io.tally.events.json;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;

/**
 * Reads instants in the form every producer writes ({@code 2026-11-02T10:15:30Z}, optionally with 1-9 fraction
 * digits) without a {@code DateTimeFormatter}, which builds a parse context, a field map and several objects per value
 * and was a tenth of reading a touchpoint. Anything else (other offsets, lower case, a leap second, a number, bad
 * text) goes to Jackson's own {@code InstantDeserializer}, so what is accepted, what is refused and how the refusal is
 * worded do not change.
 */
final class IsoInstants {

    private IsoInstants() {
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("tally-iso-instants");
        module.addDeserializer(Instant.class, new Deserializer());
        return module;
    }

    /**
     * The instant {@code text} states when it is {@code yyyy-MM-ddTHH:mm:ss[.f…]Z} with a valid date and time; null
     * otherwise (the caller then parses it the general way).
     */
    static Instant parseCanonical(String text) {
        int length = text.length();
        if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
                || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0
                || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            int fraction = digits(text, 20, length - 1);
            if (fraction < 0) {
                return null;
            }
            nanos = fraction;
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (DateTimeException invalidDate) { // 2026-02-30
            return null;
        }
        return Instant.ofEpochSecond(epochDay * 86_400L + hour * 3_600L + minute * 60L + second, nanos);
    }

    /** The decimal value of {@code text[from, to)}, or -1 when a character is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static final class Deserializer extends StdScalarDeserializer<Instant> {

        private static final JsonDeserializer<Instant> GENERAL = InstantDeserializer.INSTANT;

        Deserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.hasToken(JsonToken.VALUE_STRING)) {
                Instant fast = parseCanonical(parser.getText());
                if (fast != null) {
                    return fast;
                }
            }
            return GENERAL.deserialize(parser, context);
        }
    }
}
