package io.tally.events.json;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.tally.events.validation.Violations;

/**
 * Every JSON string Tally reads, as a value or an object key, must be text a store keeps as sent: no NUL, no unpaired
 * surrogate, no non-character ({@link Violations#unprintable}). PostgreSQL refuses NUL in text and JSON columns, so
 * without this a request's string could pass every field check and fail only at the database, as a 500. Line breaks
 * and tabs stay allowed; fields that are identifiers refuse them in their own checks.
 */
final class StorableText {

    private StorableText() {
    }

    /** The module that installs the check for string values and map keys. */
    static SimpleModule module() {
        SimpleModule module = new SimpleModule("tally-storable-text");
        module.addDeserializer(String.class, new Values());
        module.addKeyDeserializer(String.class, new Keys());
        return module;
    }

    private static String checked(String value, JsonParser parser) throws JsonMappingException {
        String problem = value == null ? null : Violations.unprintable(value, false);
        if (problem != null) {
            // the cause's message becomes the violation's reason (EventJson.violationOf); the value is not echoed
            throw JsonMappingException.from(parser, problem, new IllegalArgumentException(problem));
        }
        return value;
    }

    static final class Values extends StdScalarDeserializer<String> {

        Values() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            return checked(StringDeserializer.instance.deserialize(parser, context), parser);
        }
    }

    static final class Keys extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return checked(key, context.getParser());
        }
    }
}
