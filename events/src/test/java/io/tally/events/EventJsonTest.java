package io.tally.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.events.json.EventJson;
import io.tally.events.validation.InvalidEventException;
import io.tally.events.validation.Violation;

class EventJsonTest {

    private static final String EMAIL_HASH = "b4c9a289323b21a01c3e940f150eb9b8c542587f1abfd8f0e1cc1ffc5e475514";

    @Test
    void touchpointRoundTripsWithSnakeCaseVocabulary() {
        Touchpoint touch = new Touchpoint("tp-1", Instant.parse("2026-11-02T10:15:30Z"), Channel.PAID_SOCIAL,
                InteractionType.CLICK, "facebook", "paid_social", "bf-2026",
                new Identifiers("anon-1", null, EMAIL_HASH, null, null, null),
                "https://shop.example/?utm_campaign=bf-2026",
                Money.of("0.35", "EUR"), Trust.VERIFIED);

        String json = EventJson.toJson(touch);

        assertThat(json).contains("\"channel\":\"paid_social\"", "\"interactionType\":\"click\"",
                "\"occurredAt\":\"2026-11-02T10:15:30Z\"", "\"amount\":\"0.35\"").doesNotContain("userId");
        assertThat(EventJson.read(json.getBytes(StandardCharsets.UTF_8), Touchpoint.class)).isEqualTo(touch);
    }

    @Test
    void moneyAmountsTravelAsExactStrings() {
        Conversion conversion = new Conversion("c-1", "order-1", Instant.parse("2026-11-02T10:20:00Z"),
                Money.of("1999.99", "EUR"), Identifiers.anonymous("anon-1"), null, "web", Trust.VERIFIED);

        String json = EventJson.toJson(conversion);

        assertThat(json).contains("\"revenue\":{\"amount\":\"1999.99\",\"currency\":\"EUR\"}");
        assertThat(EventJson.read(json.getBytes(StandardCharsets.UTF_8), Conversion.class).revenue().toMinorUnits())
                .isEqualTo(199_999L);
    }

    @Test
    void readingNamesEveryViolatedField() {
        String json = """
                {"eventId":"c-1","occurredAt":"2026-11-02T10:20:00Z",
                 "revenue":{"amount":"-5.00","currency":"XYZ"},"identifiers":{}}""";

        assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), Conversion.class))
                .isInstanceOf(InvalidEventException.class)
                .extracting(e -> ((InvalidEventException) e).violations())
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(Violation.class))
                .extracting(Violation::field)
                .containsExactlyInAnyOrder("orderId", "revenue.currency", "revenue.amount", "identifiers");
    }

    @Test
    void wrongTypesAreReportedWithTheirPathAndWithoutClassNames() {
        String json = """
                {"eventId":"t","occurredAt":"yesterday","channel":"email","interactionType":"click",
                 "identifiers":{"anonymousId":"a"}}""";

        assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), Touchpoint.class))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.violations()).hasSize(1);
                    assertThat(e.violations().get(0).field()).isEqualTo("occurredAt");
                    assertThat(e.violations().get(0).reason()).contains("ISO-8601").doesNotContain("java.");
                });
    }

    @Test
    void unknownChannelIsRefusedByName() {
        String json = """
                {"eventId":"t","occurredAt":"2026-11-02T10:20:00Z","channel":"carrier_pigeon",
                 "interactionType":"click","identifiers":{"anonymousId":"a"}}""";

        assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), Touchpoint.class))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::field).containsExactly("channel");
                    assertThat(e.violations().get(0).reason()).startsWith("unknown channel: carrier_pigeon (one of ")
                            .contains("paid_social", "offline");
                });
    }

    @Test
    void unknownAdjustmentKindNamesTheAllowedValuesWithoutClassNames() {
        String json = """
                {"eventId":"a","orderId":"o","occurredAt":"2026-11-02T10:20:00Z","kind":"chargeback",
                 "amount":{"amount":"5.00","currency":"EUR"}}""";

        assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), ConversionAdjustment.class))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("kind",
                                "unknown adjustment kind: chargeback (one of refund, cancellation)")));
    }

    @Test
    void malformedJsonIsReportedByPositionWithoutEchoingTheInput() {
        byte[] json = "{\"eventId\": jane.doe@example.com}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventJson.read(json, Touchpoint.class))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.violations().get(0).reason())
                        .isEqualTo("malformed JSON at line 1, column 13").doesNotContain("jane"));
    }

    @Test
    void malformedJsonIsAnInvalidEvent() {
        assertThatThrownBy(() -> EventJson.read("{\"eventId\":".getBytes(StandardCharsets.UTF_8), Touchpoint.class))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("malformed JSON");
    }

    @Test
    void campaignChangedCarriesItsProgramme() {
        UUID campaign = UUID.randomUUID();
        CampaignChanged changed = new CampaignChanged(CampaignChanged.eventIdOf(campaign, 3), campaign, 3,
                Instant.parse("2026-11-01T00:00:00Z"),
                new CampaignChanged.ProgrammeRef(UUID.randomUUID(), "Black Friday", "EUR", "Europe/Berlin", 30,
                        "position_based"),
                "BF social", Channel.PAID_SOCIAL,
                List.of(new CampaignChanged.TrackingCode("bf-2026", "utm_campaign", null,
                        Instant.parse("2026-12-01T00:00:00Z")), CampaignChanged.TrackingCode.of("bf-coupon")),
                false);

        CampaignChanged read = EventJson.read(EventJson.toBytes(changed), CampaignChanged.class);

        assertThat(read).isEqualTo(changed);
        assertThat(read.eventId()).isEqualTo("campaign:" + campaign + ":v3");
    }

    @Test
    void moreDecimalsThanTheCurrencyHasAreRefused() {
        String json = """
                {"eventId":"c","orderId":"o","occurredAt":"2026-11-02T10:20:00Z",
                 "revenue":{"amount":"10.5","currency":"JPY"},"identifiers":{"anonymousId":"a"}}""";

        assertThatThrownBy(() -> EventJson.read(json.getBytes(StandardCharsets.UTF_8), Conversion.class))
                .isInstanceOfSatisfying(InvalidEventException.class,
                        e -> assertThat(e.violations()).extracting(Violation::field).containsExactly("revenue.amount"));
    }

    /**
     * A string no store keeps as sent (PostgreSQL refuses NUL in text and JSON) is refused by field while reading, for
     * any type (a REST body has no contract check of its own), and the value is not echoed.
     */
    @Test
    void aNulOrAnUnpairedSurrogateInAnyStringOrKeyIsRefusedByField() {
        record Note(String text, java.util.Map<String, String> tags) {
        }
        for (String bad : List.of("a\\u0000b", "\\ud800x", "x\\udc00", "\\uffff")) {
            for (String json : List.of("{\"text\":\"" + bad + "\"}", "{\"tags\":{\"k\":\"" + bad + "\"}}",
                    "{\"tags\":{\"" + bad + "\":\"v\"}}")) {
                assertThatThrownBy(() -> EventJson.mapper().readValue(json, Note.class))
                        .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class)
                        .satisfies(e -> {
                            Violation v = EventJson
                                    .violationOf((com.fasterxml.jackson.databind.JsonMappingException) e);
                            assertThat(v.field()).startsWith(json.contains("tags") ? "tags" : "text");
                            assertThat(v.reason()).startsWith("must not contain").doesNotContain("Exception",
                                    "jackson", bad);
                        });
            }
        }
    }

    @Test
    void aLineBreakInFreeTextIsStillReadAndAValidSurrogatePairToo() throws Exception {
        record Note(String text) {
        }
        assertThat(EventJson.mapper().readValue("{\"text\":\"one\\ntwo \\ud83d\\ude00\"}", Note.class).text())
                .isEqualTo("one\ntwo \ud83d\ude00");
    }

    @Test
    void aDateIsNeverReadFromANumber() {
        record Span(java.time.LocalDate from) {
        }
        for (String number : List.of("9223372036854775807", "-9223372036854775808", "5", "1.5")) {
            assertThatThrownBy(() -> EventJson.mapper().readValue("{\"from\":" + number + "}", Span.class))
                    .isInstanceOf(com.fasterxml.jackson.databind.JsonMappingException.class)
                    .satisfies(e -> assertThat(
                            EventJson.violationOf((com.fasterxml.jackson.databind.JsonMappingException) e)
                                    .field())
                            .isEqualTo("from"));
        }
    }

    @Test
    void eventsTravelWithTheirRecordFieldsOnly() {
        Identifiers who = new Identifiers("anon-1", "user-1", EMAIL_HASH, null, "crm-1", null);
        Touchpoint touch = new Touchpoint("tp-1", Instant.parse("2026-11-02T10:15:30Z"), Channel.EMAIL,
                InteractionType.CLICK, "esp", "email", "bf-2026", who, "https://shop.example/", Money.of("0.35", "EUR"),
                Trust.VERIFIED);
        CampaignChanged changed = new CampaignChanged(CampaignChanged.eventIdOf(UUID.randomUUID(), 1),
                UUID.randomUUID(), 1, Instant.parse("2026-11-02T10:00:00Z"),
                new CampaignChanged.ProgrammeRef(UUID.randomUUID(), "Black Friday", "EUR", "Europe/Berlin", 30,
                        "linear", new ModelSettings(Map.of("email:open", new BigDecimal("0.5")),
                                Map.of("position_based", "40/20/40"), "P7D", 2)),
                "Black Friday mail", Channel.EMAIL, List.of(CampaignChanged.TrackingCode.of("bf-2026")), false);

        for (Record event : List.<Record> of(touch, changed, who, ModelSettings.NONE)) {
            assertOnlyRecordFields(EventJson.mapper().valueToTree(event), event, event.getClass().getSimpleName());
        }
    }

    /** Every field of {@code json} is a component of {@code value}'s record, recursively (derived getters never go). */
    private static void assertOnlyRecordFields(JsonNode json, Object value, String path) {
        if (value instanceof Record record) {
            Map<String, Object> components = new LinkedHashMap<>();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                try {
                    components.put(c.getName(), c.getAccessor().invoke(record));
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError(e);
                }
            }
            json.fieldNames().forEachRemaining(name -> {
                assertThat(components).as("%s: the JSON field %s is a field of %s", path, name,
                        record.getClass().getSimpleName()).containsKey(name);
                assertOnlyRecordFields(json.get(name), components.get(name), path + "." + name);
            });
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                assertOnlyRecordFields(json.get(i), list.get(i), path + "[" + i + "]");
            }
        }
    }
}
