package io.tally.campaign.messaging;

import static io.tally.campaign.CampaignFixtures.campaignsConsumer;
import static io.tally.campaign.CampaignFixtures.createCampaign;
import static io.tally.campaign.CampaignFixtures.createProgramme;
import static io.tally.campaign.CampaignFixtures.outboxPublishedAt;
import static io.tally.campaign.CampaignFixtures.pollFor;
import static io.tally.campaign.CampaignFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.Devstack;
import io.tally.devstack.KafkaBroker;
import io.tally.devstack.Ports;

/** The real devstack PostgreSQL, but Kafka at a port where no broker runs until the test starts one. */
@QuarkusTest
@WithTestResource(OutboxRelayOutageTest.BrokerDown.class)
class OutboxRelayOutageTest {

    /** Devstack's configuration with the Kafka address pointing at a broker that is not there (yet). */
    public static class BrokerDown implements QuarkusTestResourceLifecycleManager {

        static final int PORT = Ports.free();
        static KafkaBroker late;

        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(Devstack.shared().quarkusConfig());
            config.put("kafka.bootstrap.servers", "localhost:" + PORT);
            config.put("tally.outbox.send-timeout", "2s");
            config.put("tally.outbox.poll-interval", "500ms");
            return config;
        }

        @Override
        public void stop() {
            if (late != null) {
                late.close();
                late = null;
            }
        }
    }

    @Inject
    EntityManager entityManager;

    @Test
    void rowsWaitWhileTheBrokerIsDownAndArePublishedOnceItIsBack() {
        String campaignId = createCampaign(createProgramme(unique("Outage programme")), unique("Outage"),
                List.of(unique("outage")));

        // the write succeeded; several relay attempts fail and leave the row unpublished
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                .until(() -> outboxPublishedAt(entityManager, campaignId) == null);

        BrokerDown.late = KafkaBroker.start(null, BrokerDown.PORT);
        BrokerDown.late.createTopics();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(outboxPublishedAt(entityManager, campaignId)).isNotNull());
        try (KafkaConsumer<String, byte[]> consumer = campaignsConsumer(BrokerDown.late.bootstrapServers())) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            assertThat(await().atMost(Duration.ofSeconds(30))
                    .until(() -> pollFor(consumer, campaignId, seen), r -> !r.isEmpty()))
                    .extracting(ConsumerRecord::key).containsExactly(campaignId);
        }
    }
}
