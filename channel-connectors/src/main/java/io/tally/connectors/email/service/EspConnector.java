package io.tally.connectors.email.service;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.email.domain.EmailTouch;
import io.tally.connectors.email.domain.EmailTouchMapper;
import io.tally.connectors.email.domain.EspEventReader;
import io.tally.connectors.spi.SourceConnector;
import io.tally.events.Touchpoint;
import io.tally.events.validation.Violations;

/** One configured provider of the generic ESP format as a source ({@code email.esp.<provider>}). */
final class EspConnector implements SourceConnector<JsonNode> {

    private final String source;
    private final EspEventReader reader;

    EspConnector(String provider) {
        this.source = "email.esp." + provider;
        this.reader = new EspEventReader(provider);
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public List<Touchpoint> map(JsonNode record, Violations violations) {
        EmailTouch touch = reader.read(record, violations);
        return touch == null ? List.of() : List.of(EmailTouchMapper.toTouchpoint(touch));
    }
}
