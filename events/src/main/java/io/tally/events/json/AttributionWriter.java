package io.tally.events.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.tally.events.Attribution;
import io.tally.events.Money;

/**
 * Writes {@link Attribution} events field by field: the same JSON as Jackson's reflective writer for the record
 * (fields in record order, nulls left out, money amounts as plain decimal strings, instants in ISO-8601, enums by wire
 * name), without its per-property machinery. attribution-service writes twelve of these per conversion credited;
 * generic writing was a seventh of crediting. {@code AttributionWriterTest} holds the two writers to the same output.
 */
final class AttributionWriter extends StdSerializer<Attribution> {

    AttributionWriter() {
        super(Attribution.class);
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("tally-attribution-writer");
        module.addSerializer(Attribution.class, new AttributionWriter());
        return module;
    }

    @Override
    public void serialize(Attribution a, JsonGenerator g, SerializerProvider provider) throws IOException {
        g.writeStartObject(a);
        text(g, "eventId", a.eventId());
        text(g, "conversionEventId", a.conversionEventId());
        text(g, "orderId", a.orderId());
        instant(g, "conversionAt", a.conversionAt());
        text(g, "model", a.model());
        text(g, "modelVersion", a.modelVersion());
        text(g, "kind", a.kind() == null ? null : a.kind().wireName());
        money(g, "revenue", a.revenue());
        if (a.credits() != null) {
            g.writeArrayFieldStart("credits");
            for (Attribution.Credit c : a.credits()) {
                if (c == null) {
                    g.writeNull();
                    continue;
                }
                g.writeStartObject(c);
                text(g, "touchpointEventId", c.touchpointEventId());
                text(g, "channel", c.channel() == null ? null : c.channel().wireName());
                uuid(g, "campaignId", c.campaignId());
                uuid(g, "programmeId", c.programmeId());
                money(g, "amount", c.amount());
                decimal(g, "conversions", c.conversions());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void text(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    private static void instant(JsonGenerator g, String name, Instant value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toString()); // ISO_INSTANT, as Jackson's InstantSerializer writes it
        }
    }

    private static void uuid(JsonGenerator g, String name, UUID value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toString());
        }
    }

    private static void decimal(JsonGenerator g, String name, BigDecimal value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toPlainString()); // BigDecimal travels as a plain string (EventJson)
        }
    }

    private static void money(JsonGenerator g, String name, Money value) throws IOException {
        if (value != null) {
            g.writeObjectFieldStart(name);
            decimal(g, "amount", value.amount());
            text(g, "currency", value.currency());
            g.writeEndObject();
        }
    }
}
