package io.tally.connectors.messaging;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.tally.connectors.config.ConnectorsConfig;

/**
 * A circuit breaker in front of the broker for requests with a client waiting: once a publish failed because the
 * broker could not be reached, the gate is shut and such requests are answered 503 at once (no database, no wait for
 * the broker); every {@code tally.connectors.publish.probe-interval} one request is let through as the probe, and the
 * first publish the broker acknowledges opens the gate again.
 */
@ApplicationScoped
public class BrokerGate {

    private final long probeIntervalNanos;
    private final AtomicLong nextProbeAt = new AtomicLong();
    private volatile boolean shut;

    BrokerGate(ConnectorsConfig config) {
        this.probeIntervalNanos = config.publish().probeInterval().toNanos();
    }

    /** Whether a publish may be tried now: the gate is open, or it is shut and this caller is the next probe. */
    public boolean admits() {
        if (!shut) {
            return true;
        }
        long next = nextProbeAt.get();
        long now = System.nanoTime();
        return now - next >= 0 && nextProbeAt.compareAndSet(next, now + probeIntervalNanos);
    }

    /** The broker acknowledged a publish: it is reachable. */
    public void acknowledged() {
        shut = false;
    }

    /** A publish failed for want of the broker: shut the gate until the next probe. */
    public void unreachable() {
        nextProbeAt.set(System.nanoTime() + probeIntervalNanos);
        shut = true;
    }

    /** Whether the gate is shut (the broker was last found unreachable). */
    public boolean isShut() {
        return shut;
    }
}
