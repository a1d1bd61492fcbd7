package io.tally.connectors.web.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tally.connectors.config.ConnectorsConfig;
import io.tally.connectors.spi.SourceConnector;
import io.tally.connectors.web.config.WebRulesConfig;
import io.tally.connectors.web.domain.PixelHit;
import io.tally.connectors.web.domain.PixelHitReader;
import io.tally.connectors.web.domain.WebEvent;
import io.tally.connectors.web.domain.WebEventMapper;
import io.tally.events.Event;
import io.tally.events.validation.Violations;

/** The 1×1 pixel as a source: one image request becomes a page-view or email-open touchpoint. */
@ApplicationScoped
public class WebPixelConnector implements SourceConnector<PixelHit> {

    /** The source name of the pixel in metrics and dead letters. */
    public static final String SOURCE = "web.pixel";

    private final PixelHitReader reader;
    private final WebEventMapper mapper;
    private final Clock clock;

    @Inject
    public WebPixelConnector(ConnectorsConfig config, WebRulesConfig rules) {
        this.reader = new PixelHitReader(config.web().maxClockSkew(), rules.assumeConsent());
        this.mapper = new WebEventMapper(rules.overrideRules(), config.web().internalHostList());
        this.clock = Clock.systemUTC();
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Event> map(PixelHit record, Violations violations) {
        WebEvent event = reader.read(record, clock.instant(), violations);
        return event == null ? List.of() : mapper.toEvents(event, violations);
    }
}
