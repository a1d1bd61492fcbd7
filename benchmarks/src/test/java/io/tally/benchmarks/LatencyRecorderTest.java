package io.tally.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    @Test
    void percentilesUseTheNearestRank() {
        LatencyRecorder recorder = new LatencyRecorder(1000);
        for (int ms = 100; ms >= 1; ms--) {
            recorder.record(ms * 1_000_000L);
        }
        assertThat(recorder.percentileMillis(50)).isEqualTo(50.0);
        assertThat(recorder.percentileMillis(99)).isEqualTo(99.0);
        assertThat(recorder.percentileMillis(100)).isEqualTo(100.0);
        assertThat(recorder.successes()).isEqualTo(100);
    }

    @Test
    void samplesBeyondTheCapacityAreCountedButNotKept() {
        LatencyRecorder recorder = new LatencyRecorder(2);
        recorder.record(1_000_000);
        recorder.record(2_000_000);
        recorder.record(900_000_000);
        assertThat(recorder.successes()).isEqualTo(3);
        assertThat(recorder.percentileMillis(100)).isEqualTo(2.0);
    }

    @Test
    void aBatchBodyIsAJsonArrayOfDistinctEvents() {
        String body = CollectLoad.body(3);
        assertThat(body).startsWith("[{").endsWith("}]");
        assertThat(body.split("\"messageId\"")).hasSize(4);
        assertThat(CollectLoad.body(1)).startsWith("{\"type\":\"page_view\"");
    }
}
