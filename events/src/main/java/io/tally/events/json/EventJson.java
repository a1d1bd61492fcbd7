package io.tally.events.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.tally.events.Event;
import io.tally.events.validation.InvalidEventException;
import io.tally.events.validation.Violation;
import io.tally.events.validation.Violations;

/**
 * The JSON form of every event: camelCase, ISO-8601 instants, money amounts as strings, nulls omitted, unknown fields
 * ignored (so producers can add fields first). Reading validates: what {@link #read} returns honours the contract.
 */
public final class EventJson {

    private static final ObjectMapper MAPPER = configure(JsonMapper.builder().build());

    private EventJson() {
    }

    /** Applies the event JSON conventions to a mapper (services apply them to their REST mapper too); returns it. */
    @SuppressWarnings("deprecation")
    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule())
                .registerModule(IsoInstants.module()) // after JavaTimeModule: its Instant reader wins
                .registerModule(StorableText.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        mapper.configOverride(BigDecimal.class).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        // dates and times are ISO-8601 strings; a number is not read as an epoch day (9223372036854775807 was a 500)
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** The event as UTF-8 JSON bytes. */
    public static byte[] toBytes(Object event) {
        try {
            return MAPPER.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    public static String toJson(Object event) {
        try {
            return MAPPER.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }

    /**
     * Parses and validates one event.
     *
     * @throws InvalidEventException naming the field(s) when the JSON is malformed, a value has the wrong type, or the
     *         event breaks the contract
     */
    public static <T extends Event> T read(byte[] json, Class<T> type) {
        T event;
        try {
            event = MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(List.of(violationOf(e)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (event == null) {
            throw new InvalidEventException(List.of(new Violation("", "empty payload")));
        }
        Violations violations = new Violations();
        event.validate(violations);
        violations.throwIfAny();
        return event;
    }

    /**
     * What a Jackson failure means to the sender: the JSON path of the field and a reason in plain words, without Java
     * class names.
     */
    public static Violation violationOf(JsonProcessingException e) {
        if (!(e instanceof JsonMappingException mapping)) {
            // position only: the parser's own message quotes the offending text, which may be personal data
            JsonLocation at = e.getLocation();
            return new Violation("", at == null
                    ? "malformed JSON"
                    : "malformed JSON at line " + at.getLineNr() + ", column " + at.getColumnNr());
        }
        String path = path(mapping);
        Throwable cause = mapping.getCause();
        if (cause instanceof IllegalArgumentException || cause instanceof ArithmeticException) {
            return new Violation(path, cause.getMessage());
        }
        if (mapping instanceof InvalidFormatException invalid) {
            return new Violation(path, "has an invalid value '" + invalid.getValue() + "': expected "
                    + expected(invalid.getTargetType()));
        }
        if (mapping instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return new Violation(path, "has the wrong type: expected " + expected(mismatched.getTargetType()));
        }
        return new Violation(path, "has an invalid value");
    }

    /** The JSON path of a mapping failure, e.g. {@code revenue.amount} or {@code trackingCodes[2]}. */
    public static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static String expected(Class<?> type) {
        if (type == Instant.class) {
            return "an ISO-8601 UTC timestamp such as 2026-11-22T10:15:30Z";
        }
        if (type == LocalDate.class) {
            return "an ISO date such as 2026-11-22";
        }
        if (type == BigDecimal.class) {
            return "a decimal string such as \"12.34\"";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
