package io.tally.attribution.accuracy;

import static io.tally.devstack.Authorized.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tally.devstack.DevstackResource;
import io.tally.simulator.Scenario;

/**
 * Do the 90 % intervals of {@code POST /api/v1/attribution/evaluate?intervals=N} cover the truth 90 % of the time?
 * For each scenario and seed the simulator draws journeys, the endpoint answers every data-driven model's share per
 * channel with its bootstrap interval, and each interval is counted as covering when the channel's true incremental
 * share (from the simulator's causal model) lies within it. The table (coverage per model and scenario, mean width,
 * the misses) goes to {@code target/coverage.md}; {@code ./tally coverage} runs this test at the sizes of
 * {@code ACCURACY.md}. The incremental model's intervals must cover the true shares as often as 90 % intervals do: a
 * coverage over all runs significantly below 90 % fails ({@link #floor}).
 *
 * <p>
 * System properties: {@code tally.coverage.customers} (default 5000), {@code tally.coverage.seeds} (default 1-10, a
 * range or a list), {@code tally.coverage.replicates} (default 20), {@code tally.coverage.scenarios} (default
 * confounded), {@code tally.coverage.models} (default incremental).
 */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class IntervalCoverageTest {

    /** The goal: the share of true values a 90 % interval covers over the seeded runs. */
    static final double GOAL = 0.9;

    /**
     * The least coverage of {@code n} intervals consistent with the goal: below it, a coverage of 90 % is rejected at
     * the one-sided 5 % level (normal approximation of the binomial count), so the test fails on intervals that are
     * too narrow, not on the luck of a few seeds. At 70 intervals it is 0.841, at 700 0.881.
     */
    static double floor(int n) {
        return GOAL - 1.645 * Math.sqrt(GOAL * (1 - GOAL) / n);
    }

    /** Per model, over the runs: intervals, those that covered, summed width, and the misses. */
    static final class Tally {
        int intervals;
        int covered;
        double width;
        final List<String> misses = new ArrayList<>();

        double coverage() {
            return intervals == 0 ? 0 : (double) covered / intervals;
        }
    }

    @Test
    void theIncrementalModelsNinetyPercentIntervalsCoverTheTrueSharesNinetyPercentOfTheTime() throws IOException {
        int customers = Integer.getInteger("tally.coverage.customers", 5_000);
        int replicates = Integer.getInteger("tally.coverage.replicates", 20);
        List<Long> seeds = seeds(System.getProperty("tally.coverage.seeds", "1-10"));
        List<String> scenarios = list(System.getProperty("tally.coverage.scenarios", "confounded"));
        List<String> models = list(System.getProperty("tally.coverage.models", "incremental"));

        Map<String, Map<String, Tally>> byScenario = new LinkedHashMap<>();
        Map<String, Tally> overall = new LinkedHashMap<>();
        for (String name : scenarios) {
            Scenario scenario = Scenario.named(name);
            Map<String, Tally> tallies = new LinkedHashMap<>();
            models.forEach(m -> tallies.put(m, new Tally()));
            for (long seed : seeds) {
                SimulatedRun run = SimulatedRun.draw(scenario, customers, seed);
                Map<String, Double> truth = run.truth();
                JsonPath json = given().config(AccuracyTest.PATIENT).contentType("text/csv")
                        .queryParam("models", String.join(",", models)).queryParam("intervals", replicates)
                        .body(run.pathFile())
                        .when().post("/api/v1/attribution/evaluate")
                        .then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> intervals = json.getList("intervals");
                for (String model : models) {
                    List<Map<String, Object>> own = intervals.stream().filter(i -> model.equals(i.get("model")))
                            .toList();
                    // every channel the journeys hold has an interval
                    assertThat(own).extracting(i -> (String) i.get("channel"))
                            .as("%s, seed %d: %s's channels", name, seed, model)
                            .containsExactlyInAnyOrderElementsOf(truth.keySet());
                    for (Map<String, Object> i : own) {
                        double low = ((Number) i.get("low")).doubleValue();
                        double high = ((Number) i.get("high")).doubleValue();
                        double t = truth.get((String) i.get("channel"));
                        for (Tally tally : List.of(tallies.get(model), overall.computeIfAbsent(model,
                                m -> new Tally()))) {
                            tally.intervals++;
                            tally.width += high - low;
                            if (t >= low - 1e-9 && t <= high + 1e-9) {
                                tally.covered++;
                            } else if (tally != overall.get(model)) {
                                tally.misses.add(String.format(Locale.ROOT, "seed %d %s [%.3f, %.3f] truth %.3f",
                                        seed, i.get("channel"), low, high, t));
                            }
                        }
                    }
                }
            }
            byScenario.put(name, tallies);
        }
        String table = table(byScenario, overall, customers, seeds, replicates);
        System.out.println(table);
        Files.writeString(Path.of("target", "coverage.md"), table, StandardCharsets.UTF_8);

        if (overall.containsKey("incremental")) {
            Tally incremental = overall.get("incremental");
            assertThat(incremental.coverage()).as("incremental's coverage of the true shares, %d/%d",
                    incremental.covered, incremental.intervals).isGreaterThanOrEqualTo(floor(incremental.intervals));
        }
    }

    private static String table(Map<String, Map<String, Tally>> byScenario, Map<String, Tally> overall,
            int customers, List<Long> seeds, int replicates) {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%d customers per run, seeds %s, %d"
                + " bootstrap replicates; share of 90 %% intervals that cover the true incremental share (covered /"
                + " intervals), and their mean width%n%n| model |", customers, seeds, replicates));
        byScenario.keySet().forEach(s -> out.append(' ').append(s).append(" |"));
        out.append(" all |\n|---|");
        byScenario.keySet().forEach(s -> out.append("---|"));
        out.append("---|\n");
        for (String model : overall.keySet()) {
            out.append("| ").append(model).append(" |");
            for (Map<String, Tally> tallies : byScenario.values()) {
                out.append(cell(tallies.get(model)));
            }
            out.append(cell(overall.get(model))).append('\n');
        }
        overall.forEach((model, tally) -> out.append(String.format(Locale.ROOT,
                "%n%s: %d of %d intervals cover the truth (%.3f); consistent with 90 %% coverage down to %.3f.",
                model, tally.covered, tally.intervals, tally.coverage(), floor(tally.intervals))));
        out.append('\n');
        out.append("\nMisses:\n");
        byScenario.forEach((scenario, tallies) -> tallies.forEach((model, tally) -> tally.misses
                .forEach(miss -> out.append("- ").append(scenario).append(", ").append(model).append(": ")
                        .append(miss).append('\n'))));
        return out.toString();
    }

    private static String cell(Tally tally) {
        return String.format(Locale.ROOT, " %.2f (%d/%d), width %.3f |", tally.coverage(), tally.covered,
                tally.intervals, tally.intervals == 0 ? 0 : tally.width / tally.intervals);
    }

    /** {@code 1-10} or {@code 3,5,8}. */
    static List<Long> seeds(String spec) {
        if (spec.contains("-")) {
            String[] ends = spec.split("-");
            return LongStream.rangeClosed(Long.parseLong(ends[0].trim()), Long.parseLong(ends[1].trim())).boxed()
                    .toList();
        }
        return list(spec).stream().map(Long::valueOf).toList();
    }

    private static List<String> list(String spec) {
        return Arrays.stream(spec.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
