package io.tally.benchmarks;

import java.math.BigDecimal;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.tally.attribution.models.datadriven.ChannelDictionary;
import io.tally.attribution.models.datadriven.MarkovChainEstimator;
import io.tally.attribution.models.datadriven.MarkovModel;
import io.tally.attribution.models.datadriven.MarkovResult;

/**
 * JMH: Markov estimation and fit alone (no parsing, no HTTP) on seeded rows of channel ids, as the path-file
 * evaluation feeds them. {@code java -cp benchmarks.jar:$(cat benchmarks/target/classpath.txt) org.openjdk.jmh.Main
 * MarkovFitBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class MarkovFitBenchmark {

    @Param({"1", "2", "3"})
    int order;

    @Param({"1000000"})
    int rows;

    private ChannelDictionary channels;
    private int[][] paths;
    private BigDecimal[] conversions;
    private BigDecimal[] nulls;

    @Setup
    public void generate() {
        channels = new ChannelDictionary();
        List.of("email", "paid_social", "organic_search", "paid_search", "display", "direct").forEach(channels::id);
        SplittableRandom random = new SplittableRandom(20261122L);
        paths = new int[rows][];
        conversions = new BigDecimal[rows];
        nulls = new BigDecimal[rows];
        for (int r = 0; r < rows; r++) {
            int[] path = new int[3 + random.nextInt(17)];
            for (int t = 0; t < path.length; t++) {
                path[t] = Math.min(5, (int) (random.nextDouble() * random.nextDouble() * 6 * 1.6));
            }
            paths[r] = path;
            conversions[r] = BigDecimal.valueOf(random.nextInt(10) < 3 ? 1 + random.nextInt(5) : 0);
            nulls[r] = BigDecimal.valueOf(random.nextInt(60));
        }
    }

    @Benchmark
    public MarkovResult estimateAndFit() {
        MarkovChainEstimator estimator = new MarkovChainEstimator(order, channels);
        for (int r = 0; r < paths.length; r++) {
            estimator.add(paths[r], paths[r].length, conversions[r], nulls[r]);
        }
        return new MarkovModel(order).fit(estimator.build());
    }
}
