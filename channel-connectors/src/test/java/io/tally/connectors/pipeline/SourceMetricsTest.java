package io.tally.connectors.pipeline;

import static io.tally.connectors.CollectFixtures.pageView;
import static io.tally.connectors.CollectFixtures.uniqueId;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tally.devstack.DevstackResource;
import io.tally.support.metrics.MetricNames;

/** Accepted, deduplicated and rejected events and publish latency are on the Prometheus endpoint, per source. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class SourceMetricsTest {

    private static double metric(String name, String labels) {
        String body = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(name + "{" + labels + "}") + " ([0-9.eE+-]+)$",
                Pattern.MULTILINE).matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0.0;
    }

    @Test
    void acceptedDeduplicatedAndRejectedEventsAreCountedPerSource() {
        String accepted = "tally_connectors_events_accepted_total";
        String deduplicated = "tally_connectors_events_deduplicated_total";
        String rejected = "tally_connectors_events_rejected_total";
        String source = "source=\"web.collect\"";
        double acceptedBefore = metric(accepted, source);
        double deduplicatedBefore = metric(deduplicated, source);
        double rejectedBefore = metric(rejected, "reason=\"invalid\"," + source);

        Map<String, Object> view = pageView(uniqueId("m"));
        given().contentType(ContentType.JSON).body(view).when().post("/api/v1/collect").then().statusCode(202);
        given().contentType(ContentType.JSON).body(view).when().post("/api/v1/collect").then().statusCode(202);
        given().contentType(ContentType.JSON).body("{\"type\":\"page_view\"}").when().post("/api/v1/collect")
                .then().statusCode(400);

        assertThat(metric(accepted, source)).isEqualTo(acceptedBefore + 1);
        assertThat(metric(deduplicated, source)).isEqualTo(deduplicatedBefore + 1);
        assertThat(metric(rejected, "reason=\"invalid\"," + source)).isEqualTo(rejectedBefore + 1);
        assertThat(metric("tally_connectors_publish_seconds_count", source)).isPositive();
        // and every metric the dashboards read from this service is on the endpoint
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String name : MetricNames.exposedBy(MetricNames.CONNECTORS)) {
            assertThat(metrics).as("/q/metrics names %s", name).containsPattern("(?m)^" + name + "[{ ]");
        }
    }
}
