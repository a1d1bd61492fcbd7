package io.tally.attribution.models.datadriven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class BootstrapIntervalsTest {

    @Test
    void theIntervalIsThePercentilesOfTheReplicatesLinearBetweenOrderStatistics() {
        // ten replicates with a = 0.1 … 1.0: at 90 % the ends are the 5th and 95th percentiles, positions 0.45 and
        // 8.55 of the sorted ten: 0.1 + 0.45 · 0.1 = 0.145 and 0.9 + 0.55 · 0.1 = 0.955
        List<Map<String, Double>> replicates = new ArrayList<>();
        for (int i = 10; i >= 1; i--) {
            replicates.add(i % 2 == 0 ? Map.of("a", i / 10.0) : Map.of("a", i / 10.0, "b", 0.5));
        }
        List<BootstrapIntervals.Interval> out = BootstrapIntervals.around("m", Map.of("a", 0.6, "b", 0.4),
                replicates, 0.9);
        assertThat(out).extracting(BootstrapIntervals.Interval::channel).containsExactly("a", "b");
        assertThat(out.get(0).low()).isCloseTo(0.145, within(1e-12));
        assertThat(out.get(0).high()).isCloseTo(0.955, within(1e-12));
        assertThat(out.get(0).share()).isEqualTo(0.6);
        assertThat(out.get(0).replicates()).isEqualTo(10);
        // b is missing from five replicates: there its share is 0; sorted 0,0,0,0,0,0.5,…: ends 0 and 0.5
        assertThat(out.get(1).low()).isEqualTo(0.0);
        assertThat(out.get(1).high()).isEqualTo(0.5);
    }

    @Test
    void statesSumToTheirChannel() {
        Map<String, Double> channels = BootstrapIntervals.byChannel(Map.of("email:open", 0.125, "email:click", 0.25,
                "email:coupon", 0.125, "paid_search:click", 0.3, "direct", 0.2));
        assertThat(channels).containsOnlyKeys("email", "paid_search", "direct");
        assertThat(channels.get("email")).isEqualTo(0.5);
        assertThat(channels.get("paid_search")).isEqualTo(0.3);
        assertThat(channels.get("direct")).isEqualTo(0.2);
    }

    @Test
    void replicatesAreSeededAndRefitRedrawnRows() {
        List<PathStat> rows = List.of(PathStat.of(List.of("a"), 40, 60), PathStat.of(List.of("b"), 20, 80));
        // the "model": each channel's share of the conversions
        java.util.function.Function<List<PathStat>, Map<String, Double>> fit = r -> {
            Map<String, Double> conversions = new java.util.TreeMap<>();
            r.forEach(p -> conversions.merge(p.path().get(0), p.conversions().doubleValue(), Double::sum));
            return BootstrapIntervals.shares(conversions);
        };
        List<Map<String, Double>> first = BootstrapIntervals.replicates(rows, fit, 200);
        assertThat(BootstrapIntervals.replicates(rows, fit, 200)).isEqualTo(first);
        // Poisson redraws around 40 and 20 conversions: a's share varies around 2/3
        double mean = first.stream().mapToDouble(m -> m.get("a")).average().orElseThrow();
        assertThat(mean).isCloseTo(2.0 / 3, within(0.03));
        assertThat(first.stream().mapToDouble(m -> m.get("a")).distinct().count()).isGreaterThan(10);
    }
}
