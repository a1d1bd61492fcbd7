package io.tally.attribution.models.datadriven;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Path-statistics rows for the data-driven model tests. */
final class DataDrivenFixtures {

    private DataDrivenFixtures() {
    }

    /** A row from a path written {@code "a > b > c"} ({@code ""} is the empty path). */
    static PathStat row(String path, long conversions, long nulls) {
        return PathStat.of(path(path), conversions, nulls);
    }

    static List<String> path(String path) {
        return path.isBlank() ? List.of() : Arrays.stream(path.split(">")).map(String::trim).toList();
    }

    /** Seeded pseudo-random rows over {@code channels} channels named c0, c1, …, paths of 1 to maxLength touches. */
    static List<PathStat> randomRows(long seed, int rows, int channels, int maxLength) {
        SplittableRandom random = new SplittableRandom(seed);
        List<PathStat> result = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            int length = 1 + random.nextInt(maxLength);
            List<String> path = new ArrayList<>();
            for (int i = 0; i < length; i++) {
                path.add("c" + random.nextInt(channels));
            }
            result.add(new PathStat(path, BigDecimal.valueOf(random.nextInt(5)), BigDecimal.valueOf(random
                    .nextInt(100)), BigDecimal.valueOf(random.nextInt(20))));
        }
        return result;
    }
}
