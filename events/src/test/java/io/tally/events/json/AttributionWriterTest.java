package io.tally.events.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.tally.events.Attribution;
import io.tally.events.Channel;
import io.tally.events.Money;

/**
 * {@link AttributionWriter} writes exactly what Jackson's reflective writer writes for the record under the event
 * conventions, character for character, for random events with every field present or absent, and what it writes
 * reads back as the event.
 */
class AttributionWriterTest {

    private static final ObjectMapper REFLECTIVE = EventJson.conventions(JsonMapper.builder().build());
    private static final String[] CURRENCIES = {"EUR", "JPY", "BHD", "USD"};

    @Test
    void writesWhatTheReflectiveWriterWrites() throws Exception {
        Random random = new Random(20261207L);
        for (int i = 0; i < 2_000; i++) {
            Attribution event = randomAttribution(random);

            String written = EventJson.toJson(event);

            assertThat(written).isEqualTo(REFLECTIVE.writeValueAsString(event));
            assertThat(EventJson.mapper().readValue(written.getBytes(StandardCharsets.UTF_8), Attribution.class))
                    .isEqualTo(event);
        }
    }

    private static Attribution randomAttribution(Random random) {
        String currency = CURRENCIES[random.nextInt(CURRENCIES.length)];
        int digits = Money.fractionDigits(currency);
        List<Attribution.Credit> credits = new ArrayList<>();
        for (int c = random.nextInt(12); c >= 0; c--) {
            credits.add(new Attribution.Credit(maybe(random, "tp-" + random.nextInt() + "-ünï"),
                    maybe(random, Channel.values()[random.nextInt(Channel.values().length)]),
                    maybe(random, UUID.randomUUID()), maybe(random, UUID.randomUUID()),
                    maybe(random, Money.ofMinor(random.nextLong(-1_000_000, 1_000_000), currency)),
                    maybe(random, BigDecimal.valueOf(random.nextLong(-1_000_000, 1_000_001), 6)
                            .stripTrailingZeros())));
        }
        return new Attribution(maybe(random, "attribution:original:order-" + random.nextInt() + ":linear"),
                maybe(random, "order:" + random.nextInt()), maybe(random, "order-\"quoted\"\\" + random.nextInt()),
                maybe(random, Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L),
                        random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0)),
                maybe(random, "linear"), maybe(random, "time_decay@1;half-life=PT168H"),
                maybe(random, Attribution.Kind.values()[random.nextInt(2)]),
                maybe(random, new Money(BigDecimal.valueOf(random.nextLong(0, 100_000_000), digits), currency)),
                random.nextInt(20) == 0 ? null : credits);
    }

    /** The value, or null one time in eight. */
    private static <T> T maybe(Random random, T value) {
        return random.nextInt(8) == 0 ? null : value;
    }
}
