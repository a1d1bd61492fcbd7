package io.tally.outbox;

import static io.restassured.RestAssured.given;
import static io.tally.outbox.OutboxFixtures.TOPIC;
import static io.tally.outbox.OutboxFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.DevstackResource;

/**
 * The backlog gauges on {@code /q/metrics}, as a service exposes them: rows are written straight into the table (the
 * relay's poll paused, so they stay unpublished) with a creation time the test chooses.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class OutboxMetricsTest {

    private static final String SERVICE = "service=\"outbox-test\"";

    @Inject
    OutboxMetrics metrics;

    @Inject
    EntityManager entityManager;

    @Inject
    Scheduler scheduler;

    private final String key = unique("metrics");

    @BeforeEach
    void pauseTheRelay() {
        scheduler.pause("outbox-relay");
    }

    @AfterEach
    void removeTheRowsAndResumeTheRelay() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("delete from outbox_test.outbox where message_key = :key")
                .setParameter("key", key)
                .executeUpdate());
        scheduler.resume("outbox-relay");
    }

    @Test
    void theBacklogAndTheAgeOfItsOldestRowAreExposedPerService() {
        long before = metrics.refresh().rows();
        Instant tenMinutesAgo = Instant.now().minus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MICROS);
        for (int i = 0; i < 3; i++) {
            OutboxMessage row = OutboxMessage.of(TOPIC, key, "{}", tenMinutesAgo.plusSeconds(i));
            QuarkusTransaction.requiringNew().run(() -> entityManager.persist(row));
        }

        metrics.refresh();

        assertThat(metric("tally_outbox_backlog")).isEqualTo(before + 3);
        // the oldest waiting row is at least as old as the test's oldest (another test's row may be older)
        assertThat(metric("tally_outbox_oldest_age_seconds")).isGreaterThanOrEqualTo(600);

        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update outbox_test.outbox set published_at = now() where message_key = :key")
                .setParameter("key", key)
                .executeUpdate());
        metrics.refresh();

        assertThat(metric("tally_outbox_backlog")).isEqualTo(before);
        if (before == 0) {
            assertThat(metric("tally_outbox_oldest_age_seconds")).isZero();
        }
    }

    private static double metric(String name) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(name + "{" + SERVICE + "}") + " ([0-9.eE+-]+)$",
                Pattern.MULTILINE).matcher(body);
        assertThat(m.find()).as("%s{%s} on /q/metrics", name, SERVICE).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
