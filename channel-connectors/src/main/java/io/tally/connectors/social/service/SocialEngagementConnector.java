package io.tally.connectors.social.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.social.config.SocialConfig;
import io.tally.connectors.social.domain.Engagement;
import io.tally.connectors.social.domain.EngagementReader;
import io.tally.connectors.spi.SourceConnector;
import io.tally.events.Touchpoint;
import io.tally.events.validation.Violations;

/** Organic social engagement as a source: a post click, share or comment becomes an organic-social touchpoint. */
@ApplicationScoped
public class SocialEngagementConnector implements SourceConnector<JsonNode> {

    /** The source name in metrics and logs. */
    public static final String SOURCE = "social.engagements";

    private final EngagementReader reader;
    private final Clock clock;

    @Inject
    public SocialEngagementConnector(SocialConfig config) {
        this(config, Clock.systemUTC());
    }

    SocialEngagementConnector(SocialConfig config, Clock clock) {
        this.reader = new EngagementReader(config.engagements().maxClockSkew());
        this.clock = clock;
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Touchpoint> map(JsonNode record, Violations violations) {
        Engagement engagement = reader.read(record, clock.instant(), violations);
        return engagement == null ? List.of() : List.of(engagement.toTouchpoint());
    }
}
