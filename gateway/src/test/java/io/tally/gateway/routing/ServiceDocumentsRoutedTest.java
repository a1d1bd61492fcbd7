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

    /**
     * Every operation of every service's document has a description, an example of what it answers (binary answers
     * such as the pixel excepted) and an example of the body it takes.
     */
    @ParameterizedTest
    @CsvSource({"campaign-service", "attribution-service", "channel-connectors", "gateway"})
    void everyOperationIsDescribedWithExamples(String module) throws IOException {
        JsonNode paths = new ObjectMapper().readTree(Path.of("..", module, "openapi", "openapi.json").toFile())
                .get("paths");
        List<String> lacking = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
            JsonNode operation = op.getValue();
            if (!operation.hasNonNull("description") || operation.get("description").asText().isBlank()) {
                lacking.add(name + ": description");
            }
            boolean binary = false;
            boolean example = false;
            for (JsonNode response : operation.path("responses")) {
                var types = response.path("content").fields();
                while (types.hasNext()) {
                    var type = types.next();
                    binary |= type.getKey().startsWith("image/");
                    example |= type.getValue().has("examples") || type.getValue().has("example");
                }
            }
            if (!example && !binary) {
                lacking.add(name + ": response example");
            }
            JsonNode body = operation.path("requestBody").path("content");
            boolean bodyExample = !body.elements().hasNext();
            for (JsonNode type : body) {
                bodyExample |= type.has("examples") || type.has("example");
            }
            if (!bodyExample) {
                lacking.add(name + ": request body example");
            }
        }));
        assertThat(lacking).isEmpty();
    }
}
