package io.tally.outbox;

import static io.tally.outbox.OutboxFixtures.TOPIC;
import static io.tally.outbox.OutboxFixtures.consumer;
import static io.tally.outbox.OutboxFixtures.createTopic;
import static io.tally.outbox.OutboxFixtures.pollFor;
import static io.tally.outbox.OutboxFixtures.publishedAt;
import static io.tally.outbox.OutboxFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import javax.management.ObjectName;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.Devstack;
import io.tally.devstack.DevstackResource;
import io.tally.events.json.EventJson;
import io.tally.outbox.OutboxFixtures.Ping;

/** The outbox in a bare application on the devstack PostgreSQL and Kafka; batch size 2, every other key defaulted. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class OutboxTest {

    @Inject
    Outbox outbox;

    @Inject
    EntityManager entityManager;

    @BeforeAll
    static void topic() {
        createTopic(Devstack.shared().kafka().bootstrapServers());
    }

    @Test
    void eventsAppendedInOneTransactionArePublishedInOrderUnderTheirKey() {
        String key = unique("ordered");
        List<Ping> pings = IntStream.range(0, 5).mapToObj(i -> new Ping(key + "-" + i, i)).toList();

        QuarkusTransaction.requiringNew().run(() -> pings.forEach(ping -> outbox.append(TOPIC, key, ping)));

        // five rows with batch size 2: one drain relays three batches
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(publishedAt(entityManager, key)).hasSize(5).doesNotContainNull());
        try (KafkaConsumer<String, String> consumer = consumer(Devstack.shared().kafka().bootstrapServers())) {
            List<String> seen = new ArrayList<>();
            assertThat(await().atMost(Duration.ofSeconds(30))
                    .until(() -> pollFor(consumer, key, seen), values -> values.size() >= 5))
                    .containsExactlyElementsOf(pings.stream().map(EventJson::toJson).toList());
        }
    }

    /**
     * Events appended together share a row while topic and key stay the same (three events of one key, one of another,
     * two of the first: three rows), and every event is still its own record, in order, with the exact JSON appended,
     * a line break inside an event's text included.
     */
    @Test
    void eventsAppendedTogetherShareARowPerKeyAndArePublishedAsOneRecordEach() {
        String first = unique("grouped");
        String second = unique("grouped");
        List<Ping> firstPings = List.of(new Ping(first + "-0", 0), new Ping(first + "-1\nsecond line", 1),
                new Ping(first + "-2", 2), new Ping(first + "-3", 3), new Ping(first + "-4", 4));
        Ping secondPing = new Ping(second + "-0", 0);
        List<Outbox.Appended> appended = new ArrayList<>();
        firstPings.subList(0, 3).forEach(p -> appended.add(new Outbox.Appended(TOPIC, first, p)));
        appended.add(new Outbox.Appended(TOPIC, second, secondPing));
        firstPings.subList(3, 5).forEach(p -> appended.add(new Outbox.Appended(TOPIC, first, p)));

        QuarkusTransaction.requiringNew().run(() -> outbox.appendAll(appended));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(publishedAt(entityManager, first)).as("rows of the first key").hasSize(2).doesNotContainNull();
            assertThat(publishedAt(entityManager, second)).as("rows of the second key").hasSize(1)
                    .doesNotContainNull();
        });
        try (KafkaConsumer<String, String> consumer = consumer(Devstack.shared().kafka().bootstrapServers())) {
            List<String> seenFirst = new ArrayList<>();
            List<String> seenSecond = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                pollForEither(consumer, first, seenFirst, second, seenSecond);
                return seenFirst.size() >= 5 && !seenSecond.isEmpty();
            });
            assertThat(seenFirst).containsExactlyElementsOf(firstPings.stream().map(EventJson::toJson).toList());
            assertThat(seenSecond).containsExactly(EventJson.toJson(secondPing));
        }
    }

    private static void pollForEither(KafkaConsumer<String, String> consumer, String first, List<String> seenFirst,
            String second, List<String> seenSecond) {
        for (var record : consumer.poll(Duration.ofMillis(500))) {
            if (first.equals(record.key())) {
                seenFirst.add(record.value());
            } else if (second.equals(record.key())) {
                seenSecond.add(record.value());
            }
        }
    }

    @Test
    void appendRefusesToRunOutsideTheCallersTransaction() {
        String key = unique("no-transaction");

        assertThatThrownBy(() -> outbox.append(TOPIC, key, new Ping(key, 0)))
                .isInstanceOf(TransactionalException.class);

        assertThat(publishedAt(entityManager, key)).isEmpty();
    }

    @Test
    void aRolledBackChangeLeavesNoRowToPublish() {
        String key = unique("rolled-back");

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.append(TOPIC, key, new Ping(key, 0));
            throw new IllegalStateException("the change failed after its event was appended");
        })).hasStackTraceContaining("the change failed");

        assertThat(publishedAt(entityManager, key)).isEmpty();
    }

    @Test
    void rowsCountAsUnpublishedUntilTheRelayPublishesThem() {
        String key = unique("counted");

        long insideTheWrite = QuarkusTransaction.requiringNew().call(() -> {
            outbox.append(TOPIC, key, new Ping(key, 0));
            return outbox.countUnpublished();
        });

        assertThat(insideTheWrite).isPositive();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(outbox.countUnpublished()).isZero());
        assertThat(publishedAt(entityManager, key)).hasSize(1).doesNotContainNull();
    }

    @Test
    void theProducerIsNamedAfterTheApplication() throws Exception {
        String key = unique("client-id");
        QuarkusTransaction.requiringNew().run(() -> outbox.append(TOPIC, key, new Ping(key, 0)));
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(publishedAt(entityManager, key)).hasSize(1).doesNotContainNull());

        // tally.outbox.client-id defaults to ${quarkus.application.name}-outbox
        assertThat(ManagementFactory.getPlatformMBeanServer()
                .isRegistered(new ObjectName("kafka.producer:type=app-info,id=outbox-test-outbox"))).isTrue();
    }
}
