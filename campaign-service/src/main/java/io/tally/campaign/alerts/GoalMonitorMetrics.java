package io.tally.campaign.alerts;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.quarkus.runtime.StartupEvent;

/**
 * Whether the goal monitor runs, on {@code /q/metrics}: {@code tally_goals_monitor_last_success_seconds} (when the last
 * sweep finished, Unix seconds; 0 until the first) and {@code tally_goals_monitor_sweeps_total{outcome}}
 * ({@code success}, {@code failure}). The alert "goal monitor not running" fires when no replica has finished a sweep
 * for several {@code tally.goals.evaluate-every}.
 */
@ApplicationScoped
public class GoalMonitorMetrics {

    /** Micrometer name of the last-success gauge (seconds since the epoch). */
    public static final String LAST_SUCCESS = "tally.goals.monitor.last.success";
    /** Micrometer name of the sweep counter. */
    public static final String SWEEPS = "tally.goals.monitor.sweeps";

    @Inject
    MeterRegistry registry;

    private final AtomicLong lastSuccessMillis = new AtomicLong();
    private Counter succeeded;
    private Counter failed;

    void register(@Observes StartupEvent started) {
        TimeGauge.builder(LAST_SUCCESS, lastSuccessMillis, TimeUnit.MILLISECONDS, AtomicLong::get)
                .description("When the goal monitor last finished a sweep (0 before the first)")
                .register(registry);
        succeeded = Counter.builder(SWEEPS).tag("outcome", "success").description("Goal monitor sweeps")
                .register(registry);
        failed = Counter.builder(SWEEPS).tag("outcome", "failure").description("Goal monitor sweeps")
                .register(registry);
    }

    /** A sweep finished at {@code at}. */
    void succeeded(Instant at) {
        lastSuccessMillis.set(at.toEpochMilli());
        succeeded.increment();
    }

    /** A sweep failed before it finished. */
    void failed() {
        failed.increment();
    }
}
