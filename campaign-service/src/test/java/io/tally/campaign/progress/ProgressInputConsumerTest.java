package io.tally.campaign.progress;

import static io.tally.campaign.CampaignFixtures.CAMPAIGNS_OF;
import static io.tally.campaign.CampaignFixtures.campaign;
import static io.tally.campaign.CampaignFixtures.createProgramme;
import static io.tally.campaign.CampaignFixtures.unique;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tally.devstack.Devstack;
import io.tally.devstack.DevstackResource;
import io.tally.events.Attribution;
import io.tally.events.Channel;
import io.tally.events.Cost;
import io.tally.events.Money;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;

/** Attributed revenue and costs in through the real broker, once each, into the real roll-up tables. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class ProgressInputConsumerTest {

    private static KafkaProducer<String, byte[]> producer;

    @Inject
    EntityManager em;

    private static synchronized void send(String topic, String key, byte[] value) throws Exception {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Devstack.shared().kafka().bootstrapServers());
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    @AfterAll
    static void close() {
        if (producer != null) {
            producer.close();
        }
    }

    private List<?> rows(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).setParameter(1, parameter)
                .getResultList());
    }

    @Test
    void creditsAreRolledUpOnTheirProgrammesDayOnceEvenWhenRedelivered() throws Exception {
        String programme = createProgramme(unique("Rollup")); // Europe/Berlin
        String campaign = given().contentType(ContentType.JSON)
                .body(campaign(unique("Rollup social"), "paid_social", List.of(unique("rollup"))))
                .when().post(CAMPAIGNS_OF, programme).then().statusCode(201).extract().path("id");
        // 23:30 UTC on 30 November is 1 December in Berlin
        Attribution entry = new Attribution("att-" + UUID.randomUUID(), "order:" + UUID.randomUUID(), "o-1",
                Instant.parse("2026-11-30T23:30:00Z"), "linear", "linear@1", Attribution.Kind.ORIGINAL,
                Money.of("100.00", "EUR"), List.of(
                        new Attribution.Credit("tp-1", Channel.PAID_SOCIAL, UUID.fromString(campaign),
                                UUID.fromString(programme), Money.of("60.00", "EUR"), new BigDecimal("0.5")),
                        new Attribution.Credit("tp-2", Channel.EMAIL, null, null, Money.of("40.00", "EUR"),
                                new BigDecimal("0.5"))));
        send(Topics.ATTRIBUTIONS, entry.conversionEventId(), EventJson.toBytes(entry));
        send(Topics.ATTRIBUTIONS, entry.conversionEventId(), EventJson.toBytes(entry));
        // a later entry of the same day shows the first was not counted twice
        Attribution marker = new Attribution("att-" + UUID.randomUUID(), "order:" + UUID.randomUUID(), "o-2",
                Instant.parse("2026-12-01T10:00:00Z"), "linear", "linear@1", Attribution.Kind.ORIGINAL,
                Money.of("1.00", "EUR"), List.of(new Attribution.Credit("tp-3", Channel.PAID_SOCIAL,
                        UUID.fromString(campaign), UUID.fromString(programme), Money.of("1.00", "EUR"),
                        BigDecimal.ONE)));
        send(Topics.ATTRIBUTIONS, marker.conversionEventId(), EventJson.toBytes(marker));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<?> found = rows("select day, channel, amount, conversions from attributed_daily"
                    + " where programme_id = cast(?1 as uuid)", programme);
            assertThat(found).hasSize(1);
            Object[] row = (Object[]) found.get(0);
            assertThat(row[0].toString()).isEqualTo(LocalDate.of(2026, 12, 1).toString());
            assertThat(row[1]).isEqualTo("paid_social");
            assertThat((BigDecimal) row[2]).isEqualByComparingTo("61.00");
            assertThat((BigDecimal) row[3]).isEqualByComparingTo("1.5");
        });
    }

    @Test
    void aCreditOfAnUnknownProgrammeAndAnUnreadableRecordBecomeDeadLetters() throws Exception {
        UUID stranger = UUID.randomUUID();
        Attribution entry = new Attribution("att-" + UUID.randomUUID(), "order:" + UUID.randomUUID(), "o-3",
                Instant.parse("2026-11-10T10:00:00Z"), "linear", "linear@1", Attribution.Kind.ORIGINAL,
                Money.of("5.00", "EUR"), List.of(new Attribution.Credit("tp-4", Channel.EMAIL, UUID.randomUUID(),
                        stranger, Money.of("5.00", "EUR"), BigDecimal.ONE)));
        send(Topics.ATTRIBUTIONS, entry.conversionEventId(), EventJson.toBytes(entry));
        String garbageId = UUID.randomUUID().toString();
        String garbage = "{\"eventId\": \"" + garbageId + "\", \"credits\": 7}";
        send(Topics.ATTRIBUTIONS, "garbage", garbage.getBytes(StandardCharsets.UTF_8));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(rows("select payload from outbox where topic = ?1 and payload like '%" + stranger + "%'",
                    Topics.REJECTS)).hasSize(1);
            assertThat(rows("select payload from outbox where topic = ?1 and payload like '%" + garbageId + "%'",
                    Topics.REJECTS)).hasSize(1);
        });
        assertThat(rows("select count(*) from attributed_daily where programme_id = ?1", stranger).get(0))
                .isEqualTo(0L);
    }

    @Test
    void costsAreStoredOncePerEvent() throws Exception {
        String code = unique("Cost-Code");
        Cost cost = new Cost("cost-" + UUID.randomUUID(), LocalDate.of(2026, 11, 3), Channel.PAID_SOCIAL, code,
                "meta", Money.of("250.50", "EUR"), 1000L, 40L, null, null);
        send(Topics.COSTS, code, EventJson.toBytes(cost));
        send(Topics.COSTS, code, EventJson.toBytes(cost));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<?> found = rows("select amount, campaign_code from cost_entry where event_id = ?1", cost.eventId());
            assertThat(found).hasSize(1);
            assertThat((BigDecimal) ((Object[]) found.get(0))[0]).isEqualByComparingTo("250.50");
            assertThat(((Object[]) found.get(0))[1]).isEqualTo(code.toLowerCase());
        });
    }
}
