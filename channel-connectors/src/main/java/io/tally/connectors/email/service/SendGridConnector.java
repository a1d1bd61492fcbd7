package io.tally.connectors.email.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import io.tally.connectors.email.config.EmailConfig;
import io.tally.connectors.email.domain.EmailTouch;
import io.tally.connectors.email.domain.EmailTouchMapper;
import io.tally.connectors.email.domain.SendGridEventReader;
import io.tally.connectors.spi.SourceConnector;
import io.tally.events.Touchpoint;
import io.tally.events.validation.Violations;

/** SendGrid as a source: one Event Webhook event becomes a touchpoint (open, click) or nothing (ignored types). */
@ApplicationScoped
public class SendGridConnector implements SourceConnector<JsonNode> {

    /** The source name in metrics and logs. */
    public static final String SOURCE = "email.sendgrid";

    private final SendGridEventReader reader;

    @Inject
    public SendGridConnector(EmailConfig config) {
        this.reader = new SendGridEventReader(config.sendgrid().campaignArg(), config.sendgrid().ignoreMachineOpens());
    }

    @Override
    public String source() {
        return SOURCE;
    }

    @Override
    public List<Touchpoint> map(JsonNode record, Violations violations) {
        EmailTouch touch = reader.read(record, violations);
        return touch == null ? List.of() : List.of(EmailTouchMapper.toTouchpoint(touch));
    }

    SendGridEventReader reader() {
        return reader;
    }
}
