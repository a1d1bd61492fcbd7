package io.tally.events;

import java.util.List;

/**
 * The names of the attribution models, as {@link Attribution#model()} carries them and as a programme names its
 * official model. attribution-service holds the models themselves; a test there keeps this list equal to them.
 */
public final class AttributionModels {

    /** Every model name: the rule-based ones, then the data-driven ones. */
    public static final List<String> ALL = List.of("first_touch", "last_touch", "last_non_direct", "linear",
            "time_decay", "position_based", "j_curve", "inverse_j", "custom", "markov", "shapley",
            "incremental");

    /** The model a programme reports under when it names none. */
    public static final String DEFAULT_OFFICIAL = "linear";

    private AttributionModels() {
    }
}
