package io.tally.connectors.pipeline;

import static io.tally.connectors.CollectFixtures.TIMESTAMP;
import static io.tally.connectors.CollectFixtures.uniqueId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tally.devstack.KafkaOutageResource;
import io.tally.devstack.LocalIssuer;
import io.tally.support.security.Role;

/**
 * During a broker outage the collector answers 503 with Retry-After without waiting for the broker while it holds a
 * database connection: more concurrent requests than the pool has connections all answer within the send timeout,
 * once the outage is known they answer at once, a database-backed endpoint keeps answering meanwhile, and after the
 * broker is back a request is accepted.
 */
@QuarkusTest
@TestProfile(BrokerOutageTest.SmallPool.class)
class BrokerOutageTest {

    static final int POOL = 4;
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(3);

    /** A small pool, a broker that is down until started, and timeouts short enough for a test. */
    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.datasource.jdbc.max-size", String.valueOf(POOL),
                    "quarkus.datasource.jdbc.acquisition-timeout", "10s",
                    "tally.connectors.publish.send-timeout", SEND_TIMEOUT.toSeconds() + "s",
                    "tally.connectors.publish.retry-after", "2s");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(KafkaOutageResource.class));
        }
    }

    record Answer(int status, String retryAfter, Duration took) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ExecutorService CLIENTS = Executors.newFixedThreadPool(POOL * 3);

    @TestHTTPResource("/api/v1/collect")
    URI collect;
    @TestHTTPResource("/api/v1/imports/")
    URI imports;

    @AfterAll
    static void stopClients() {
        CLIENTS.shutdownNow();
    }

    @Test
    void theCollectorAnswers503QuicklyAndItsPoolSurvivesUntilTheBrokerIsBack() throws Exception {
        List<Future<Answer>> firstWave = fire(POOL * 3);
        Answer job = send(HttpRequest.newBuilder(imports.resolve(UUID.randomUUID().toString()))
                .header("Authorization", LocalIssuer.shared().bearer(Role.INGEST)).GET());
        assertThat(job.status()).as("an import job lookup while the collector waits for the broker").isEqualTo(404);
        assertThat(job.took()).as("the import job lookup is not starved of connections")
                .isLessThan(Duration.ofSeconds(2));
        for (Future<Answer> answer : firstWave) {
            assertThat(answer.get()).satisfies(a -> {
                assertThat(a.status()).isEqualTo(503);
                assertThat(a.retryAfter()).isEqualTo("2");
                // the send timeout (waiting for the broker's metadata) and a margin for a loaded machine; queued
                // behind a pool held by waiting requests they took twice the send timeout and more
                assertThat(a.took()).isLessThan(SEND_TIMEOUT.plusSeconds(2));
            });
        }

        for (Future<Answer> answer : fire(POOL * 3)) {
            assertThat(answer.get()).as("once the outage is known").satisfies(a -> {
                assertThat(a.status()).isEqualTo(503);
                assertThat(a.retryAfter()).isEqualTo("2");
                assertThat(a.took()).isLessThan(Duration.ofMillis(1000));
            });
        }

        KafkaOutageResource.startBroker();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> collectOne().status() == 202);
    }

    private List<Future<Answer>> fire(int requests) {
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            answers.add(CLIENTS.submit(this::collectOne));
        }
        return answers;
    }

    private Answer collectOne() throws Exception {
        String body = "{\"type\":\"page_view\",\"anonymousId\":\"" + uniqueId("outage") + "\",\"timestamp\":\""
                + TIMESTAMP + "\",\"url\":\"https://shop.example/shoes\"}";
        return send(HttpRequest.newBuilder(collect).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Answer send(HttpRequest.Builder request) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                Duration.ofNanos(System.nanoTime() - start));
    }
}
