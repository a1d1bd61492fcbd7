package io.tally.system;

import java.util.ArrayList;
import java.util.List;

/**
 * What a scale-out test did when, in seconds from its start, printed at the end so a run's log shows which instance
 * moved while which events flowed. Thread-safe: the moves run beside the publisher.
 */
final class Timeline {

    private final long startNanos;
    private final List<String> lines = new ArrayList<>();

    Timeline(long startNanos) {
        this.startNanos = startNanos;
    }

    /** Notes that {@code what} happened now. */
    synchronized void note(String what) {
        String line = "%7.1f s  %s".formatted((System.nanoTime() - startNanos) / 1e9, what);
        lines.add(line);
        System.out.println(line);
    }

    /** Runs {@code action}, noting when it started and how long it took; a failure is noted and thrown on. */
    void run(String what, Runnable action) {
        long started = System.nanoTime();
        note(what + " ...");
        try {
            action.run();
        } catch (RuntimeException e) {
            note(what + " failed: " + e);
            throw e;
        }
        note(what + " done in %.1f s".formatted((System.nanoTime() - started) / 1e9));
    }

    /** Prints every line under {@code title}. */
    synchronized void print(String title) {
        System.out.println(title + ", timeline:");
        lines.forEach(line -> System.out.println("  " + line));
    }
}
