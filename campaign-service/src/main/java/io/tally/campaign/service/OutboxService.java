package io.tally.campaign.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.tally.campaign.config.CampaignConfig;
import io.tally.campaign.messaging.OutboxProducer;
import io.tally.campaign.repository.OutboxMessage;
import io.tally.campaign.repository.OutboxRepository;
import io.tally.events.json.EventJson;

/** The transactional outbox: rows are written with the change and relayed to Kafka after the broker acknowledges. */
@ApplicationScoped
public class OutboxService {

    /** What one relay batch did: rows locked, and how many of them (from the oldest) the broker acknowledged. */
    public record Relayed(int locked, int published) {

        /** True when every locked row was published. */
        public boolean complete() {
            return published == locked;
        }
    }

    @Inject
    OutboxRepository outbox;

    @Inject
    OutboxProducer producer;

    @Inject
    Event<OutboxWritten> written;

    @Inject
    CampaignConfig config;

    /** Adds an event to the outbox, inside the caller's transaction (there must be one). */
    @Transactional(TxType.MANDATORY)
    public void append(String topic, String key, io.tally.events.Event event) {
        outbox.persist(OutboxMessage.of(topic, key, EventJson.toJson(event), ProgrammeService.now()));
        written.fire(new OutboxWritten(topic));
    }

    /**
     * Locks the oldest unpublished rows (skipping rows another replica holds), sends them in id order, and marks as
     * published only those the broker acknowledged, up to the first failure. The rest stay for the next try.
     */
    @Transactional
    public Relayed relayBatch() {
        List<OutboxMessage> batch = outbox.lockUnpublished(config.outbox().batchSize());
        if (batch.isEmpty()) {
            return new Relayed(0, 0);
        }
        int acknowledged = producer.sendInOrder(batch.stream()
                .map(m -> new OutboxProducer.Message(m.getTopic(), m.getMessageKey(), m.getPayload()))
                .toList());
        Instant now = ProgrammeService.now();
        for (int i = 0; i < acknowledged; i++) {
            batch.get(i).markPublished(now);
        }
        return new Relayed(batch.size(), acknowledged);
    }

    /** How many rows wait to be published. */
    @Transactional
    public long countUnpublished() {
        return outbox.count("publishedAt is null");
    }
}
