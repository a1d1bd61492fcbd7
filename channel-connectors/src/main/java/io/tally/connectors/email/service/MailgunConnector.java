package io.tally.connectors.email.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.email.config.EmailConfig;
import io.tally.connectors.email.domain.EmailTouch;
import io.tally.connectors.email.domain.EmailTouchMapper;
import io.tally.connectors.email.domain.MailgunEventReader;
import io.tally.connectors.spi.SourceConnector;
import io.tally.events.Touchpoint;
import io.tally.events.validation.Violations;

/**
 * Mailgun as a source: the {@code event-data} of one webhook becomes a touchpoint (opened, clicked) or nothing. Bad
 * fields are reported under {@code event-data.}.
 */
@ApplicationScoped
public class MailgunConnector implements SourceConnector<JsonNode> {

    /** The source name in metrics and logs. */
    public static final String SOURCE = "email.mailgun";

    private final MailgunEventReader reader;

    @Inject
    public MailgunConnector(EmailConfig config) {
        this.reader = new MailgunEventReader(config.mailgun().campaignVariable());
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Touchpoint> map(JsonNode eventData, Violations violations) {
        EmailTouch[] touch = new EmailTouch[1];
        violations.nested("event-data", eventData, data -> touch[0] = reader.read(data, violations));
        return touch[0] == null ? List.of() : List.of(EmailTouchMapper.toTouchpoint(touch[0]));
    }

    MailgunEventReader reader() {
        return reader;
    }
}
