package io.tally.benchmarks.chaos;

import java.util.Locale;

import io.tally.devstack.Suite;

/** One fault the chaos scenario injects into a running suite, and how the suite is brought back. */
public enum Fault {

    /** {@code kill -9} of attribution-service, then a restart with the same environment and port. */
    KILL_ATTRIBUTION("attribution-service"),
    /** {@code kill -9} of channel-connectors (the collector behind the gateway), then a restart. */
    KILL_CONNECTORS("channel-connectors"),
    /** {@code kill -9} of campaign-service, then a restart. */
    KILL_CAMPAIGN("campaign-service"),
    /** {@code kill -9} of the gateway (the beacons' only way in), then a restart. */
    KILL_GATEWAY("gateway"),
    /** The Kafka broker shut down and started again on the same port and log directory. */
    RESTART_KAFKA(null),
    /** PostgreSQL stopped (fast shutdown: connections cut) and started again on the same port and data directory. */
    RESTART_POSTGRES(null);

    private final String service;

    Fault(String service) {
        this.service = service;
    }

    /** Injects the fault and returns once the component is back (a killed service ready again). */
    public void inject(Suite suite) {
        switch (this) {
            case RESTART_KAFKA -> suite.devstack().restartKafka();
            case RESTART_POSTGRES -> suite.devstack().restartPostgres();
            default -> suite.restartService(service);
        }
    }

    /** How the figures name it: {@code kill -9 attribution-service}, {@code restart Kafka}. */
    public String label() {
        return switch (this) {
            case RESTART_KAFKA -> "restart Kafka";
            case RESTART_POSTGRES -> "restart PostgreSQL";
            default -> "kill -9 " + service;
        };
    }

    /** The option spelling: {@code kill-attribution}, {@code restart-kafka}, ... */
    public String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #option()}. */
    public static Fault ofOption(String option) {
        for (Fault fault : values()) {
            if (fault.option().equals(option.trim())) {
                return fault;
            }
        }
        throw new IllegalArgumentException("unknown fault " + option + "; one of kill-attribution, kill-connectors,"
                + " kill-campaign, kill-gateway, restart-kafka, restart-postgres");
    }
}
