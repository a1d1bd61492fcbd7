package io.tally.connectors.web.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.config.ConnectorsConfig;
import io.tally.connectors.spi.SourceConnector;
import io.tally.connectors.web.config.WebRulesConfig;
import io.tally.connectors.web.domain.WebEvent;
import io.tally.connectors.web.domain.WebEventMapper;
import io.tally.connectors.web.domain.WebEventReader;
import io.tally.events.Event;
import io.tally.events.validation.Violations;

/** The site beacon as a source: one JSON event object becomes a touchpoint, link, conversion or adjustment. */
@ApplicationScoped
public class WebBeaconConnector implements SourceConnector<JsonNode> {

    /** The source name of the beacon in metrics and dead letters. */
    public static final String SOURCE = "web.collect";

    private final WebEventReader reader;
    private final WebEventMapper mapper;
    private final Clock clock;

    @Inject
    public WebBeaconConnector(ConnectorsConfig config, WebRulesConfig rules) {
        this(new WebEventReader(config.web().maxClockSkew(), rules.assumeConsent(), WebEventReader.COLLECT_TYPES),
                new WebEventMapper(rules.overrideRules(), config.web().internalHostList()), Clock.systemUTC());
    }

    WebBeaconConnector(WebEventReader reader, WebEventMapper mapper, Clock clock) {
        this.reader = reader;
        this.mapper = mapper;
        this.clock = clock;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Event> map(JsonNode record, Violations violations) {
        WebEvent event = reader.read(record, clock.instant(), violations);
        return event == null ? List.of() : mapper.toEvents(event, violations);
    }
}
