package io.tally.simulator;

import java.math.BigDecimal;
import java.util.List;

/**
 * One simulated customer: the latent intent, the time-ordered touches, the decision moment (end of the journey),
 * whether the causal model's draw converted them, and the order value they spend if they convert (drawn for every
 * customer, so that truth can weigh non-converters too).
 */
public record Customer(long id, double intent, List<Touch> touches, double decisionDay, boolean converted,
        BigDecimal orderValue) {

    public Customer {
        touches = List.copyOf(touches);
    }

    /** The revenue of this journey: the order value if converted, else 0. */
    public BigDecimal revenue() {
        return converted ? orderValue : BigDecimal.ZERO;
    }
}
