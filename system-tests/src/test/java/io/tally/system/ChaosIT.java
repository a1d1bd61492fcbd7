package io.tally.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.tally.benchmarks.chaos.ChaosConfig;
import io.tally.benchmarks.chaos.ChaosFigures;
import io.tally.benchmarks.chaos.ChaosScenario;
import io.tally.benchmarks.chaos.Fault;

/**
 * Faults under load, short: the scenario of {@code ./tally chaos} on a suite of its own, with 45 s of load and
 * three faults (attribution-service killed with {@code kill -9}, the Kafka broker and PostgreSQL restarted). Every
 * accepted order must be credited exactly once, the outboxes drained and no consumer behind.
 */
@Order(7)
class ChaosIT {

    @Test
    void everyAcceptedOrderIsCreditedExactlyOnceThroughKillsAndRestarts() throws Exception {
        Path root = Path.of(System.getProperty("tally.root", "..")).toAbsolutePath().normalize();
        ChaosConfig config = new ChaosConfig(root, root.resolve("system-tests/target/chaos-logs"),
                Duration.ofSeconds(45), 4, 2,
                List.of(Fault.KILL_ATTRIBUTION, Fault.RESTART_KAFKA, Fault.RESTART_POSTGRES),
                Duration.ofMinutes(3));

        ChaosFigures figures = new ChaosScenario(config, System.out).run();
        figures.print(System.out);

        assertThat(figures.ordersAccepted()).as("orders accepted").isPositive();
        assertThat(figures.lost()).as("orders lost").isZero();
        assertThat(figures.doubled()).as("orders doubled").isZero();
        assertThat(figures.ordersCredited()).as("orders credited exactly once")
                .isEqualTo(figures.ordersAccepted());
        assertThat(figures.revenueCredited()).as("revenue credited").isEqualByComparingTo(figures.revenueSent());
        assertThat(figures.report().revenue()).as("the report's revenue").isEqualByComparingTo(figures.revenueSent());
        assertThat(figures.unpublishedOutbox().values()).as("unpublished outbox rows").allMatch(n -> n == 0);
        assertThat(figures.lag().values()).as("consumer lag").allMatch(n -> n == 0);
        assertThat(figures.passed()).as("all checks").isTrue();
    }
}
