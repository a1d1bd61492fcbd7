package io.tally.campaign.progress;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.tally.devstack.ConsumerRules;

/**
 * Every consumer of this service hands its records to service-support's {@code EventIntake}, whose retries are the
 * {@code tally.intake.*} keys: no consumer retries, waits or dead-letters on its own ({@link ConsumerRules}).
 */
class ConsumerIntakeTest {

    private static final Path CLASSES = Path.of("target/classes/io/tally/campaign");

    @Test
    void everyConsumerGoesThroughEventIntake() {
        ConsumerRules.assertEveryConsumerUsesEventIntake(CLASSES);
    }

    @Test
    void noClassOfTheServiceSleepsToRetry() {
        ConsumerRules.assertNoClassSleepsToRetry(CLASSES);
    }
}
