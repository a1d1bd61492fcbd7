package io.tally.benchmarks;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Latencies of a measured phase (up to a fixed number of samples), and percentiles over them. */
public final class LatencyRecorder {

    private final long[] samples;
    private final AtomicInteger count = new AtomicInteger();
    private final AtomicLong errors = new AtomicLong();

    public LatencyRecorder(int capacity) {
        this.samples = new long[capacity];
    }

    /** Records one successful request's latency; samples beyond the capacity are counted but not kept. */
    public void record(long nanos) {
        int i = count.getAndIncrement();
        if (i < samples.length) {
            samples[i] = nanos;
        }
    }

    public void error() {
        errors.incrementAndGet();
    }

    public int successes() {
        return count.get();
    }

    public long errors() {
        return errors.get();
    }

    /** The {@code p}-th percentile (0 < p ≤ 100) in milliseconds, by the nearest-rank method. */
    public double percentileMillis(double p) {
        int n = Math.min(count.get(), samples.length);
        if (n == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return sorted[Math.max(0, Math.min(n, rank) - 1)] / 1_000_000.0;
    }
}
