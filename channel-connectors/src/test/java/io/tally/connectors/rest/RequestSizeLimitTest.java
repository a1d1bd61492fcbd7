package io.tally.connectors.rest;

import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tally.devstack.DevstackResource;

/** Oversized beacon and webhook bodies are refused before they are read. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class RequestSizeLimitTest {

    @Test
    void aBodyOverTheLimitIsAnswered413() {
        String padding = "x".repeat(1_100_000);
        given().contentType(ContentType.JSON).body("{\"type\":\"page_view\",\"pad\":\"" + padding + "\"}")
                .when().post("/api/v1/collect")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tally:problem:payload-too-large"))
                .body("detail", equalTo("the body may be at most 1048576 bytes"));
    }

    @TestHTTPResource("/api/v1/collect")
    URI collect;

    @Test
    void aBodyWithoutADeclaredLengthIsAnswered411() throws Exception {
        // an input-stream body has no known length, so the JDK client sends it chunked, without Content-Length
        HttpRequest chunked = HttpRequest.newBuilder(collect).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream("{\"type\":\"page_view\"}".getBytes(StandardCharsets.UTF_8))))
                .build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(chunked, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(411);
        assertThat(response.body()).contains("urn:tally:problem:length-required");
    }
}
