package io.tally.connectors.offline.rest;

import static io.tally.connectors.offline.OfflineFixtures.marker;
import static io.tally.connectors.offline.OfflineFixtures.posExport;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tally.connectors.offline.repository.ImportJobRepository;
import io.tally.devstack.DevstackResource;

/** Uploads refused before any job exists: wrong media type, unknown kind or field, missing mapped header. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class OfflineImportValidationTest {

    @Inject
    ImportJobRepository jobs;

    private long jobCount() {
        return QuarkusTransaction.requiringNew().call(() -> jobs.count());
    }

    @Test
    void aJsonBodyIsAnswered415() {
        long before = jobCount();

        given().contentType(ContentType.JSON).queryParam("kind", "conversions").body("{\"orderId\": \"A-1\"}")
                .when().post(OfflineImportResourceTest.OFFLINE)
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tally:problem:unsupported-media-type"))
                .body("detail", equalTo("the body must be a CSV file sent as text/csv, not application/json"));

        assertThat(jobCount()).isEqualTo(before);
    }

    @Test
    void aCsvInAnotherCharsetIsAnswered415() {
        given().contentType("text/csv; charset=ISO-8859-1").queryParam("kind", "conversions")
                .body(posExport(marker()))
                .when().post(OfflineImportResourceTest.OFFLINE)
                .then().statusCode(415)
                .body("detail", equalTo("the CSV file must be UTF-8 encoded, not ISO-8859-1"));
    }

    @Test
    void aMissingMappedHeaderIsAnswered422NamingFieldAndHeaderAndCreatesNothing() {
        long before = jobCount();

        given().contentType(OfflineImportResourceTest.CSV_UTF8).queryParam("kind", "conversions")
                .queryParam("column.amount", "Total")
                .body(posExport(marker()))
                .when().post(OfflineImportResourceTest.OFFLINE)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tally:problem:unprocessable"))
                .body("errors[0].field", equalTo("column.amount"))
                .body("errors[0].reason",
                        equalTo("is mapped to the column \"Total\", which the header row does not have"));

        assertThat(jobCount()).isEqualTo(before);
    }

    @Test
    void aHeaderWithoutAnyIdentifierColumnIsAnswered422() {
        given().contentType(OfflineImportResourceTest.CSV_UTF8).queryParam("kind", "conversions")
                .body("order_id,occurred_at,amount,currency\nA-1,2026-11-22 10:00:00,1.00,EUR\n")
                .when().post(OfflineImportResourceTest.OFFLINE)
                .then().statusCode(422)
                .body("errors[0].field", equalTo("identifiers"))
                .body("errors[0].reason", equalTo("the header row has none of the identifier columns \"loyalty_id\", "
                        + "\"email\", \"phone\", \"customer_id\""));
    }

    @Test
    void anEmptyUploadIsAnswered422() {
        given().contentType(OfflineImportResourceTest.CSV_UTF8).queryParam("kind", "touchpoints").body("")
                .when().post(OfflineImportResourceTest.OFFLINE)
                .then().statusCode(422)
                .body("errors[0].field", equalTo("header"));
    }

    @Test
    void anUnknownKindOrFieldIsAnswered400() {
        given().contentType(OfflineImportResourceTest.CSV_UTF8).queryParam("kind", "returns").body(posExport(marker()))
                .when().post(OfflineImportResourceTest.OFFLINE)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].reason", equalTo("must be touchpoints, conversions or refunds"));
        given().contentType(OfflineImportResourceTest.CSV_UTF8).queryParam("kind", "conversions")
                .queryParam("column.price", "Total")
                .body(posExport(marker()))
                .when().post(OfflineImportResourceTest.OFFLINE)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("column.price"));
    }
}
