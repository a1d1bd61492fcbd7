package io.tally.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.gateway.UpstreamStubs;
import io.tally.gateway.config.GatewayConfig;

/**
 * Every path in each service's OpenAPI document (as its build writes it, {@code <module>/openapi/openapi.json}) is
 * routed by the gateway's configured route table to that service: an endpoint added to a service without a gateway
 * route fails here.
 */
@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ServiceDocumentsRoutedTest {

    @Inject
    GatewayConfig config;

    @ParameterizedTest
    @CsvSource({"campaign-service, CAMPAIGN", "attribution-service, ATTRIBUTION", "channel-connectors, CONNECTORS"})
    void everyDocumentedPathIsRoutedToItsService(String module, Upstream upstream) throws IOException {
        JsonNode paths = new ObjectMapper().readTree(Path.of("..", module, "openapi", "openapi.json").toFile())
                .get("paths");
        RouteTable table = new RouteTable(config);
        List<String> documented = new ArrayList<>();
        paths.fieldNames().forEachRemaining(documented::add);

        assertThat(documented).isNotEmpty().allSatisfy(path -> assertThat(
                table.resolve(path.replaceAll("\\{[^}/]+}", "x"))).as(path).contains(upstream));
    }
}
