package io.tally.attribution.intake;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.tally.events.Cost;

/** Takes in reported costs, the denominators of ROAS, CPA and ROI in the reports. */
@ApplicationScoped
public class CostService {

    @Inject
    CostRepository costs;

    /** Stores the cost once; false on a redelivery. */
    @Transactional
    public boolean recordCost(Cost cost) {
        return costs.insert(cost);
    }
}
