package io.tally.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PipelineSamplerTest {

    @Test
    void aSampleLineIsReadWithoutItsExemplar() {
        // Quarkus appends an exemplar (trace of the last increment) to counters when tracing is on
        assertThat(PipelineSampler.value("tally_attribution_credited_conversions_total 7990.0 # "
                + "{span_id=\"59b8cd1229745422\",trace_id=\"d75a9b4a365e9dff0195510792cf3605\"} 372.0 1796631499.764"))
                .isEqualTo(7990);
        assertThat(PipelineSampler.value("tally_attribution_credited_conversions_total 12.0")).isEqualTo(12);
        // label values may hold spaces
        assertThat(PipelineSampler.value("jvm_memory_used_bytes{area=\"heap\",id=\"G1 Old Gen\"} 5.24288E7"))
                .isEqualTo(52_428_800);
    }
}
