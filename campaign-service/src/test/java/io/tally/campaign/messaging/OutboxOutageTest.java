package io.tally.campaign.messaging;

import static io.tally.campaign.CampaignFixtures.consumerOf;
import static io.tally.campaign.CampaignFixtures.createCampaign;
import static io.tally.campaign.CampaignFixtures.createProgramme;
import static io.tally.campaign.CampaignFixtures.outboxPublishedAt;
import static io.tally.campaign.CampaignFixtures.pollFor;
import static io.tally.campaign.CampaignFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.KafkaBroker;
import io.tally.devstack.KafkaOutageResource;
import io.tally.events.CampaignChanged;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;

/**
 * A campaign created while Kafka is down: the API answers 201 (the change is committed with its outbox row), the row
 * stays unpublished during the outage, and once a broker is back the relay publishes the CampaignChanged.
 */
@QuarkusTest
@WithTestResource(KafkaOutageResource.class)
class OutboxOutageTest {

    @Inject
    EntityManager entityManager;

    @Test
    void aChangeCommittedWhileKafkaIsDownIsPublishedWhenItReturns() {
        String code = unique("outage");
        String campaignId = createCampaign(createProgramme(unique("Outage programme")), unique("Outage"),
                List.of(code));

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(8))
                .untilAsserted(() -> assertThat(outboxPublishedAt(entityManager, campaignId)).isNull());

        KafkaBroker broker = KafkaOutageResource.startBroker();
        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(outboxPublishedAt(entityManager, campaignId)).isNotNull());
        try (KafkaConsumer<String, byte[]> consumer = consumerOf(broker, Topics.CAMPAIGNS)) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> pollFor(consumer, campaignId, seen), r -> !r.isEmpty());
            // at least once: a send acknowledged after send-timeout may be sent again; every copy is the same event
            assertThat(records).extracting(r -> EventJson.read(r.value(), CampaignChanged.class))
                    .allSatisfy(event -> {
                        assertThat(event.eventId())
                                .isEqualTo(CampaignChanged.eventIdOf(UUID.fromString(campaignId), 1));
                        assertThat(event.trackingCodes()).extracting(CampaignChanged.TrackingCode::code)
                                .containsExactly(code.toLowerCase());
                    });
        }
    }
}
