package io.tally.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class IntakeRejectsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private double count(String source, String field) {
        var counter = registry.find(IntakeRejects.NAME).tag("source", source).tag("field", field).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void rejectsAreCountedBySourceAndField() {
        IntakeRejects.count(registry, "attribution.touchpoints", "occurredAt");
        IntakeRejects.count(registry, "attribution.touchpoints", "occurredAt");
        IntakeRejects.count(registry, "campaign.costs", "amount");

        assertThat(count("attribution.touchpoints", "occurredAt")).isEqualTo(2);
        assertThat(count("campaign.costs", "amount")).isEqualTo(1);
        assertThat(count("campaign.costs", "occurredAt")).isZero();
    }

    @Test
    void arrayIndexesAreDroppedSoEachFieldIsOneSeries() {
        IntakeRejects.count(registry, "s", "touches[3].at");
        IntakeRejects.count(registry, "s", "touches[12].at");

        assertThat(count("s", "touches[].at")).isEqualTo(2);
        assertThat(registry.find(IntakeRejects.NAME).counters()).hasSize(1);
    }

    @Test
    void aRecordThatFailedAsAWholeCountsUnderItsOwnLabel() {
        IntakeRejects.count(registry, "s", "");
        IntakeRejects.count(registry, "s", null);

        assertThat(count("s", IntakeRejects.WHOLE_RECORD)).isEqualTo(2);
    }

    @Test
    void longLabelsAreCut() {
        assertThat(IntakeRejects.fieldLabel("x".repeat(200))).hasSize(64);
    }
}
