package io.tally.support.messaging;

import java.util.regex.Pattern;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;

/**
 * Counts the records consumers dead-letter, by source and failed field: {@value #NAME}
 * ({@code tally_intake_rejects_total{source,field}} on {@code /q/metrics}). {@link EventIntake} counts each reject it
 * stores. The field is the reject's first failed field with array indexes dropped ({@code touches[3].at} counts as
 * {@code touches[].at}) and {@value #WHOLE_RECORD} for a record that failed as a whole, so the labels stay few.
 */
public final class IntakeRejects {

    /** The counter's Micrometer name. */
    public static final String NAME = "tally.intake.rejects";

    /** The field label of a reject that names no field (unreadable record, processing failed). */
    public static final String WHOLE_RECORD = "(record)";

    private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
    private static final int MAX_LABEL = 64;

    private IntakeRejects() {
    }

    /** Counts one reject from {@code source} on the service's registry (Quarkus' global registry). */
    public static void count(String source, String field) {
        count(Metrics.globalRegistry, source, field);
    }

    /** Counts one reject from {@code source} whose first failed field is {@code field}, on {@code registry}. */
    public static void count(MeterRegistry registry, String source, String field) {
        registry.counter(NAME, "source", bounded(source == null || source.isBlank() ? "unknown" : source),
                "field", fieldLabel(field)).increment();
    }

    /** The label a field counts under: indexes dropped, {@value #WHOLE_RECORD} when empty, at most 64 characters. */
    public static String fieldLabel(String field) {
        if (field == null || field.isBlank()) {
            return WHOLE_RECORD;
        }
        return bounded(INDEX.matcher(field).replaceAll("[]"));
    }

    private static String bounded(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL);
    }
}
