package io.tally.connectors.offline.rest;

import static io.tally.connectors.offline.OfflineFixtures.generatedPosExport;
import static io.tally.connectors.offline.OfflineFixtures.marker;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.tally.connectors.offline.OfflineFixtures;
import io.tally.connectors.offline.repository.ImportJobRepository;
import io.tally.devstack.DevstackResource;
import io.tally.devstack.LocalIssuer;
import io.tally.support.security.Role;

/** Uploads over a small configured limit are refused with 413, whether their length is declared or streamed. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
@TestProfile(OfflineImportLimitTest.SmallLimit.class)
class OfflineImportLimitTest {

    static final Path SPOOL = Path.of(System.getProperty("java.io.tmpdir"), "tally-offline-limit-test");

    /** A 4 KiB upload limit and a spool directory of its own, to see that nothing is left behind. */
    public static class SmallLimit implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tally.connectors.offline.max-upload-bytes", "4096",
                    "tally.connectors.offline.spool-directory", SPOOL.toString());
        }
    }

    @Inject
    ImportJobRepository jobs;

    @TestHTTPResource("/api/v1/imports/offline?kind=conversions")
    URI upload;

    @Test
    void aDeclaredLengthOverTheLimitIsAnswered413() {
        given().contentType(OfflineImportResourceTest.CSV_UTF8).queryParam("kind", "conversions")
                .body(OfflineFixtures.POS_HEADER + "\n" + "x".repeat(10_000))
                .when().post(OfflineImportResourceTest.OFFLINE)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tally:problem:payload-too-large"))
                .body("detail", equalTo("the body may be at most 4096 bytes"));
    }

    @Test
    void aStreamedUploadPassingTheLimitIsAnswered413AndNothingIsKept() throws Exception {
        long before = QuarkusTransaction.requiringNew().call(() -> jobs.count());
        // an input-stream body has no known length, so the client sends it chunked: the limit is found while reading
        HttpRequest chunked = HttpRequest.newBuilder(upload).header("Content-Type", "text/csv")
                .header("Authorization",
                        LocalIssuer.shared().bearer(Role.INGEST))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> generatedPosExport(marker(), 1_000))).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("the body may be at most 4096 bytes");
        assertThat(QuarkusTransaction.requiringNew().call(() -> jobs.count())).isEqualTo(before);
        assertThat(spooledFiles()).isZero();
    }

    @Test
    void anUploadUnderTheLimitIsAccepted() {
        String id = OfflineImportResourceTest.upload("conversions", OfflineFixtures.posExport(marker()), Map.of());

        assertThat(OfflineImportResourceTest.awaitFinished(id).getLong("rowsRead")).isEqualTo(9);
    }

    private static long spooledFiles() throws IOException {
        if (!Files.isDirectory(SPOOL)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(SPOOL)) {
            return files.count();
        }
    }
}
