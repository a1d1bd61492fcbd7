package io.tally.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which rows count as published when the broker acknowledged only the first records of a relay batch. */
class OutboxRowsAcknowledgedTest {

    @Test
    void aRowCountsOnlyOnceEveryOneOfItsRecordsWasAcknowledged() {
        int[] recordsOf = {1, 12, 3};
        assertThat(Outbox.rowsAcknowledged(recordsOf, 16)).as("all 16 records").isEqualTo(3);
        assertThat(Outbox.rowsAcknowledged(recordsOf, 15)).as("the last row's third record missing").isEqualTo(2);
        assertThat(Outbox.rowsAcknowledged(recordsOf, 12)).as("the second row's last record missing").isEqualTo(1);
        assertThat(Outbox.rowsAcknowledged(recordsOf, 1)).as("only the first row's record").isEqualTo(1);
        assertThat(Outbox.rowsAcknowledged(recordsOf, 0)).as("nothing acknowledged").isZero();
    }
}
