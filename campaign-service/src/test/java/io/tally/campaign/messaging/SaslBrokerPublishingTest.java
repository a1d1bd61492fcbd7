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
import io.tally.devstack.SaslKafkaResource;
import io.tally.events.CampaignChanged;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;

/**
 * campaign-service on a broker that accepts only SASL clients (SCRAM-SHA-512), as Strimzi's listener in Kubernetes:
 * the outbox relay reaches it with the same {@code kafka.*} security settings as the SmallRye channels.
 */
@QuarkusTest
@WithTestResource(SaslKafkaResource.class)
class SaslBrokerPublishingTest {

    @Inject
    EntityManager entityManager;

    @Test
    void campaignChangedIsPublishedThroughTheOutboxToABrokerThatRequiresSasl() {
        String code = unique("sasl");
        String campaignId = createCampaign(createProgramme(unique("SASL programme")), unique("SASL"), List.of(code));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(outboxPublishedAt(entityManager, campaignId)).isNotNull());
        try (KafkaConsumer<String, byte[]> consumer = consumerOf(SaslKafkaResource.broker(), Topics.CAMPAIGNS)) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> pollFor(consumer, campaignId, seen), r -> !r.isEmpty());
            CampaignChanged event = EventJson.read(records.get(0).value(), CampaignChanged.class);
            assertThat(event.eventId()).isEqualTo(CampaignChanged.eventIdOf(UUID.fromString(campaignId), 1));
            assertThat(event.trackingCodes()).extracting(CampaignChanged.TrackingCode::code)
                    .containsExactly(code.toLowerCase());
        }
    }
}
