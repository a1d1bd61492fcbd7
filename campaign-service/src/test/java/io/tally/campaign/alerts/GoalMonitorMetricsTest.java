package io.tally.campaign.alerts;

import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tally.devstack.DevstackResource;

/** A finished sweep of the goal monitor (scheduled in production; off in tests) shows on {@code /q/metrics}. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class GoalMonitorMetricsTest {

    @Inject
    GoalMonitor monitor;

    @Test
    void aFinishedSweepSetsTheLastSuccessAndIsCounted() {
        double sweepsBefore = metric("tally_goals_monitor_sweeps_total{outcome=\"success\"}");
        Instant before = Instant.now();

        monitor.sweep();

        assertThat(metric("tally_goals_monitor_last_success_seconds"))
                .isGreaterThanOrEqualTo(before.getEpochSecond())
                .isLessThanOrEqualTo(Instant.now().getEpochSecond() + 1);
        assertThat(metric("tally_goals_monitor_sweeps_total{outcome=\"success\"}")).isEqualTo(sweepsBefore + 1);
        assertThat(metric("tally_goals_monitor_sweeps_total{outcome=\"failure\"}")).isZero();
    }

    private static double metric(String series) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " ([0-9.eE+-]+)( #.*)?$", Pattern.MULTILINE)
                .matcher(body);
        assertThat(m.find()).as("%s on /q/metrics", series).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
