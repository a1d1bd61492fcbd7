package io.tally.campaign.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tally.events.Reject;
import io.tally.events.Topics;
import io.tally.outbox.Outbox;
import io.tally.support.messaging.DeadLetters;

/** Dead letters of this service's consumers go to {@code tally.rejects} through the outbox, in their own transaction. */
@ApplicationScoped
public class OutboxDeadLetters implements DeadLetters {

    @Inject
    Outbox outbox;

    @Override
    public void send(Reject reject) {
        QuarkusTransaction.requiringNew().run(() -> outbox.append(Topics.REJECTS, reject.source(), reject));
    }
}
