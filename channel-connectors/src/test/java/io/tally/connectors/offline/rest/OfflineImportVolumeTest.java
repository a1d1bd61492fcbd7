package io.tally.connectors.offline.rest;

import static io.tally.connectors.offline.OfflineFixtures.generatedPosExport;
import static io.tally.connectors.offline.OfflineFixtures.marker;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tally.connectors.TopicProbe;
import io.tally.devstack.DevstackResource;
import io.tally.devstack.LocalIssuer;
import io.tally.events.Topics;
import io.tally.support.security.Role;

/** A large POS export, generated while it is sent (never held in memory on either side), is imported in chunks. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class OfflineImportVolumeTest {

    static final int ROWS = 200_000;
    /** Distinct orders in the file: every row goes through the pipeline, but only these reach the shared topic. */
    static final int ORDERS = 2_000;

    @TestHTTPResource("/api/v1/imports/offline?kind=conversions")
    URI upload;

    @Test
    void twoHundredThousandStreamedRowsCompleteWithTheRightCounts() throws Exception {
        String m = marker();
        HttpRequest request = HttpRequest.newBuilder(upload).header("Content-Type", "text/csv")
                .header("Authorization",
                        LocalIssuer.shared().bearer(Role.INGEST))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generatedPosExport(m, ROWS, ORDERS))).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(202);
        String id = JsonPath.from(response.body()).getString("id");
        JsonPath job = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> given().get("/api/v1/imports/" + id).then().extract().jsonPath(),
                        j -> !List.of("queued", "running").contains(j.getString("status")));
        assertThat(job.getString("status")).isEqualTo("completed");
        assertThat(job.getLong("rowsRead")).isEqualTo(ROWS);
        assertThat(job.getLong("rejected")).isEqualTo(ROWS / 10_000);
        assertThat(job.getLong("accepted")).isEqualTo(ORDERS);
        assertThat(job.getLong("deduplicated")).isEqualTo(ROWS - ROWS / 10_000 - ORDERS);
        List<Integer> rejectedRows = given().accept("application/json").get("/api/v1/imports/" + id + "/rejects")
                .then().statusCode(200).extract().jsonPath().getList("row", Integer.class);
        assertThat(rejectedRows).containsExactlyElementsOf(
                IntStream.rangeClosed(1, ROWS / 10_000).map(i -> i * 10_000).boxed().toList());
        try (TopicProbe conversions = TopicProbe.of(Topics.CONVERSIONS)) {
            assertThat(conversions.awaitMentioning("\"BULK-" + m + "-", ORDERS)).hasSize(ORDERS);
        }
    }
}
