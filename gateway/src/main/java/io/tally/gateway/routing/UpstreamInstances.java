package io.tally.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.LongSupplier;

/**
 * The instances of one upstream service and the order to try them in: requests are spread over them in turn (round
 * robin), and an instance that refused a connection is out of the rotation for a while, so requests go to the others
 * first. An instance out of the rotation is still tried last, so a request is not refused while any instance might
 * answer it. Thread-safe: every event loop of the gateway shares one per upstream.
 */
public final class UpstreamInstances {

    private final Upstream upstream;
    private final List<UpstreamTarget> targets;
    private final long outOfRotationNanos;
    private final LongSupplier nanoClock;
    private final AtomicInteger next = new AtomicInteger();
    /** Per instance: until when (the clock's nanos) it is out of the rotation; {@link #IN_ROTATION} when it is not. */
    private final AtomicLongArray outUntil;

    private static final long IN_ROTATION = Long.MIN_VALUE;

    /**
     * @param baseUrls one per instance, at least one
     * @param outOfRotation how long an instance that refused a connection is tried only after the others
     * @param nanoClock {@link System#nanoTime()}, or a test's clock
     */
    public UpstreamInstances(Upstream upstream, List<URI> baseUrls, Duration outOfRotation, LongSupplier nanoClock) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException(
                    "tally.gateway.upstreams." + upstream.serviceName() + " needs at least one base URL");
        }
        this.upstream = upstream;
        this.targets = baseUrls.stream().map(url -> UpstreamTarget.of(upstream, url)).toList();
        this.outOfRotationNanos = outOfRotation.toNanos();
        this.nanoClock = nanoClock;
        this.outUntil = new AtomicLongArray(targets.size());
        for (int i = 0; i < targets.size(); i++) {
            outUntil.set(i, IN_ROTATION);
        }
    }

    public Upstream upstream() {
        return upstream;
    }

    /** Every instance, in the configured order. */
    public List<UpstreamTarget> targets() {
        return targets;
    }

    /**
     * The instances in the order one request tries them: starting at the next one in turn, those in the rotation, then
     * those out of it (soonest back first, as a last resort). Each call moves the turn on by one.
     */
    public List<UpstreamTarget> order() {
        int size = targets.size();
        int start = Math.floorMod(next.getAndIncrement(), size);
        long now = nanoClock.getAsLong();
        List<UpstreamTarget> inRotation = new ArrayList<>(size);
        List<Integer> out = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            int i = (start + k) % size;
            if (isIn(i, now)) {
                inRotation.add(targets.get(i));
            } else {
                out.add(i);
            }
        }
        out.sort((a, b) -> Long.compare(outUntil.get(a) - now, outUntil.get(b) - now));
        out.forEach(i -> inRotation.add(targets.get(i)));
        return inRotation;
    }

    /** Whether {@code target} is in the rotation now. */
    public boolean inRotation(UpstreamTarget target) {
        return isIn(indexOf(target), nanoClock.getAsLong());
    }

    /** {@code target} refused a connection (or did not accept one in time): out of the rotation for a while. */
    public void refused(UpstreamTarget target) {
        outUntil.set(indexOf(target), nanoClock.getAsLong() + outOfRotationNanos);
    }

    /** {@code target} accepted a connection: back in the rotation. */
    public void connected(UpstreamTarget target) {
        int i = indexOf(target);
        if (outUntil.get(i) != IN_ROTATION) {
            outUntil.set(i, IN_ROTATION);
        }
    }

    private boolean isIn(int i, long now) {
        long until = outUntil.get(i);
        return until == IN_ROTATION || until - now <= 0;
    }

    private int indexOf(UpstreamTarget target) {
        for (int i = 0; i < targets.size(); i++) {
            if (targets.get(i) == target) {
                return i;
            }
        }
        throw new IllegalArgumentException(target + " is not an instance of " + upstream.serviceName());
    }
}
