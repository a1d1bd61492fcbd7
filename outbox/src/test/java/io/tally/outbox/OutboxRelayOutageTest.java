package io.tally.outbox;

import static io.tally.outbox.OutboxFixtures.TOPIC;
import static io.tally.outbox.OutboxFixtures.consumer;
import static io.tally.outbox.OutboxFixtures.createTopic;
import static io.tally.outbox.OutboxFixtures.pollFor;
import static io.tally.outbox.OutboxFixtures.publishedAt;
import static io.tally.outbox.OutboxFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.KafkaBroker;
import io.tally.devstack.KafkaOutageResource;
import io.tally.events.json.EventJson;
import io.tally.outbox.OutboxFixtures.Ping;

/** The real devstack PostgreSQL, but Kafka at a port where no broker runs until the test starts one. */
@QuarkusTest
@WithTestResource(KafkaOutageResource.class)
class OutboxRelayOutageTest {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @Test
    void rowsWaitWhileTheBrokerIsDownAndArePublishedOnceItIsBack() {
        String key = unique("outage");
        Ping ping = new Ping(key, 0);
        QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, key, ping));

        // the write committed; several relay attempts fail and leave the row unpublished
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(8))
                .untilAsserted(() -> assertThat(publishedAt(entityManager, key)).hasSize(1).containsOnlyNulls());

        KafkaBroker broker = KafkaOutageResource.startBroker();
        createTopic(broker.bootstrapServers());

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(publishedAt(entityManager, key)).hasSize(1).doesNotContainNull());
        // at least once: a send the broker acknowledged only after send-timeout (likely while it is starting) is sent
        // again, so the record may be there twice; consumers de-duplicate on its eventId
        try (KafkaConsumer<String, String> consumer = consumer(broker.bootstrapServers())) {
            List<String> seen = new ArrayList<>();
            assertThat(await().atMost(Duration.ofSeconds(30))
                    .until(() -> pollFor(consumer, key, seen), values -> !values.isEmpty()))
                    .containsOnly(EventJson.toJson(ping));
        }
    }
}
