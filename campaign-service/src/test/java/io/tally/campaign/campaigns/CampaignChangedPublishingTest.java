package io.tally.campaign.campaigns;

import static io.tally.campaign.CampaignFixtures.CAMPAIGNS_OF;
import static io.tally.campaign.CampaignFixtures.campaign;
import static io.tally.campaign.CampaignFixtures.campaignsConsumer;
import static io.tally.campaign.CampaignFixtures.createCampaign;
import static io.tally.campaign.CampaignFixtures.createProgramme;
import static io.tally.campaign.CampaignFixtures.outboxPublishedAt;
import static io.tally.campaign.CampaignFixtures.pollFor;
import static io.tally.campaign.CampaignFixtures.unique;
import static io.tally.devstack.Authorized.given;
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

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tally.devstack.DevstackResource;
import io.tally.events.CampaignChanged;
import io.tally.events.Channel;
import io.tally.events.json.EventJson;

@QuarkusTest
@WithTestResource(DevstackResource.class)
class CampaignChangedPublishingTest {

    @Inject
    EntityManager entityManager;

    @Test
    void campaignCreationPublishesCampaignChangedKeyedByCampaignId() {
        String programmeName = unique("Published programme");
        String programmeId = createProgramme(programmeName);
        String code = unique("Outbox-Code");
        String campaignName = unique("Published");
        String campaignId = createCampaign(programmeId, campaignName, List.of(code, code.toUpperCase()));

        try (KafkaConsumer<String, byte[]> consumer = campaignsConsumer()) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(30))
                    .until(() -> pollFor(consumer, campaignId, seen), r -> !r.isEmpty());

            assertThat(records).hasSize(1);
            ConsumerRecord<String, byte[]> record = records.get(0);
            assertThat(record.key()).isEqualTo(campaignId);
            CampaignChanged event = EventJson.read(record.value(), CampaignChanged.class);
            UUID id = UUID.fromString(campaignId);
            assertThat(event.eventId()).isEqualTo(CampaignChanged.eventIdOf(id, 1));
            assertThat(event.campaignId()).isEqualTo(id);
            assertThat(event.version()).isEqualTo(1);
            assertThat(event.name()).isEqualTo(campaignName);
            assertThat(event.channel()).isEqualTo(Channel.PAID_SOCIAL);
            assertThat(event.trackingCodes()).extracting(CampaignChanged.TrackingCode::code)
                    .containsExactly(code.toLowerCase());
            assertThat(event.deleted()).isFalse();
            assertThat(event.programme()).isEqualTo(new CampaignChanged.ProgrammeRef(UUID.fromString(programmeId),
                    programmeName, "EUR", "Europe/Berlin", 14, "linear"));
        }
    }

    @Test
    void outboxRowIsMarkedPublishedOnlyOnceTheBrokerAcknowledged() {
        String campaignId = createCampaign(createProgramme(unique("Outbox programme")), unique("Outbox"),
                List.of(unique("outbox-row")));

        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(outboxPublishedAt(entityManager, campaignId)).isNotNull());
        try (KafkaConsumer<String, byte[]> consumer = campaignsConsumer()) {
            List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
            assertThat(await().atMost(Duration.ofSeconds(30))
                    .until(() -> pollFor(consumer, campaignId, seen), r -> !r.isEmpty())).hasSize(1);
        }
    }

    @Test
    void rejectedCampaignWritesNoOutboxRow() {
        String programmeId = createProgramme(unique("Conflict programme"));
        String code = unique("taken");
        createCampaign(programmeId, unique("Owner"), List.of(code));
        long before = outboxRows();

        given().contentType(ContentType.JSON)
                .body(campaign(unique("Loser"), "email", List.of(code)))
                .when().post(CAMPAIGNS_OF, programmeId)
                .then().statusCode(409);

        assertThat(outboxRows()).isEqualTo(before);
    }

    private long outboxRows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from campaign.outbox").getSingleResult()).longValue());
    }
}
