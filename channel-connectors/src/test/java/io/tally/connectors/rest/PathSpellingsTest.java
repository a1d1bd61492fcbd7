package io.tally.connectors.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tally.devstack.DevstackResource;
import io.tally.devstack.LocalIssuer;
import io.tally.devstack.PathSpellings;

/** Every documented operation, spelled every second way, as every role: refused before any rule or resource. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class PathSpellingsTest {

    @Test
    void everyOperationIsDecidedOnThePathTheRouterDispatchesOn() {
        PathSpellings.Report report = new PathSpellings(URI.create("http://localhost:" + RestAssured.port),
                LocalIssuer.shared()).probeOwnDocument();
        assertThat(report.findings()).isEmpty();
        assertThat(report.requests()).isGreaterThan(1000);
    }
}
