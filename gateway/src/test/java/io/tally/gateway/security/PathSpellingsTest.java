package io.tally.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tally.devstack.LocalIssuer;
import io.tally.devstack.PathSpellings;
import io.tally.gateway.GatewayFixtures;
import io.tally.gateway.UpstreamStub;
import io.tally.gateway.UpstreamStubs;
import io.tally.support.http.CanonicalPaths;

/**
 * Every operation of the four OpenAPI documents, spelled every second way (encoded letters, matrix parameters, dot
 * segments, duplicate and trailing slashes, encoded separators), as every role and without a token, through the gateway
 * (services stubbed to answer 200): each spelling is refused before it reaches a rule, a route or a service.
 */
@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class PathSpellingsTest {

    private static final List<String> MODULES = List.of("campaign-service", "attribution-service",
            "channel-connectors", "gateway");

    @BeforeEach
    void resetStubs() {
        GatewayFixtures.resetStubs();
    }

    @Test
    void noSecondSpellingReachesARuleOrAService() throws IOException {
        List<PathSpellings.Operation> operations = new ArrayList<>();
        for (String module : MODULES) {
            operations.addAll(PathSpellings.operations(Files.readString(Path.of("..", module, "openapi",
                    "openapi.json"))));
        }
        assertThat(operations).hasSizeGreaterThan(40);
        PathSpellings.Report report = new PathSpellings(URI.create("http://localhost:" + RestAssured.port),
                LocalIssuer.shared()).probe(operations);
        assertThat(report.findings()).isEmpty();
        assertThat(report.requests()).isGreaterThan(10_000);
        // what did reach a service (the reads a role may make) came in its one spelling
        assertThat(GatewayFixtures.stubs()).flatMap(UpstreamStub::received).isNotEmpty()
                .allSatisfy(received -> assertThat(CanonicalPaths.isCanonical(URI.create(received.uri()).getRawPath()))
                        .as(received.uri()).isTrue());
    }
}
