package io.tally.campaign.messaging;

import static io.tally.campaign.CampaignFixtures.send;
import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.DevstackResource;
import io.tally.events.Cost;
import io.tally.events.Topics;
import io.tally.events.json.EventJson;
import io.tally.events.validation.InvalidEventException;
import io.tally.support.messaging.IntakeRejects;
import io.tally.support.metrics.MetricNames;

/**
 * What the dashboards and alerts read from campaign-service is on its {@code /q/metrics}: consumer lag per partition,
 * the outbox gauges, the goal monitor's, HTTP requests, and rejects counted by source and field.
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class ServiceMetricsTest {

    private static final String SOURCE = "campaign.costs";

    @Test
    void aDeadLetteredRecordIsCountedUnderItsSourceAndFailedField() throws Exception {
        byte[] bad = ("{\"eventId\":\"cost-" + UUID.randomUUID() + "\",\"channel\":\"paid_social\"}")
                .getBytes(StandardCharsets.UTF_8);
        // the field the contract names first for this record is the label it counts under
        String field = IntakeRejects.fieldLabel(catchThrowableOfType(InvalidEventException.class,
                () -> EventJson.read(bad, Cost.class)).violations().get(0).field());
        String series = MetricNames.INTAKE_REJECTS + "{field=\"" + field + "\",source=\"" + SOURCE + "\"}";
        double before = metric(series);

        send(Topics.COSTS, "metrics-" + UUID.randomUUID(), bad);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(metric(series)).isEqualTo(before + 1));
        // tracing is off by default: the record was consumed in no span, so the counter has no trace exemplar
        assertThat(given().get("/q/metrics").then().extract().asString().lines().filter(l -> l.startsWith(series)))
                .singleElement().asString().doesNotContain("trace_id");
    }

    @Test
    void everyMetricItsDashboardsReadIsExposed() throws Exception {
        // a reject makes the reject counter exist; the consumers' lag appears once they fetched their partitions
        send(Topics.COSTS, "metrics-" + UUID.randomUUID(), "not json".getBytes(StandardCharsets.UTF_8));
        given().get("/api/v1/programmes").then().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            for (String name : MetricNames.exposedBy(MetricNames.CAMPAIGN)) {
                assertThat(metrics).as("/q/metrics names %s", name).containsPattern("(?m)^" + name + "[{ ]");
            }
            assertThat(metrics).containsPattern("(?m)^" + MetricNames.CONSUMER_LAG + "\\{.*partition=\"\\d+\".*"
                    + "topic=\"" + Pattern.quote(Topics.COSTS) + "\"");
            assertThat(metrics).contains(MetricNames.OUTBOX_BACKLOG + "{service=\"campaign-service\"}");
        });
    }

    private static double metric(String series) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)( #.*)?$", Pattern.MULTILINE)
                .matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
