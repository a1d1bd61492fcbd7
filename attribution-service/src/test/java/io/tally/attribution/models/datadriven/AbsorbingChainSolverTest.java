package io.tally.attribution.models.datadriven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AbsorbingChainSolverTest {

    @Test
    void pivotsPastAZeroOnTheDiagonal() {
        // 0·x + 1·y = 1, 1·x + 0·y = 2: without a row swap the first pivot would be 0.
        double[] x = AbsorbingChainSolver.solve(new double[][]{{0, 1, 1}, {1, 0, 2}});

        assertThat(x).containsExactly(2.0, 1.0);
    }

    @Test
    void solvesADenseSystem() {
        // 2x + y − z = 8, −3x − y + 2z = −11, −2x + y + 2z = −3 → (2, 3, −1).
        double[] x = AbsorbingChainSolver.solve(new double[][]{{2, 1, -1, 8}, {-3, -1, 2, -11}, {-2, 1, 2,
                -3}});

        assertThat(x[0]).isCloseTo(2, within(1e-12));
        assertThat(x[1]).isCloseTo(3, within(1e-12));
        assertThat(x[2]).isCloseTo(-1, within(1e-12));
    }

    @Test
    void refusesASingularSystem() {
        assertThatThrownBy(() -> AbsorbingChainSolver.solve(new double[][]{{1, 2, 3}, {2, 4, 6}}))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("singular");
    }

    @Test
    void aStartThatCannotReachConversionHasProbabilityZero() {
        // start → 1 (p 1/2) or null; state 1 → null only.
        double p = AbsorbingChainSolver.conversionFromStart(new int[][]{{1}, {}}, new double[][]{{0.5}, {}},
                new double[]{0, 0}, new boolean[2]);

        assertThat(p).isZero();
    }
}
