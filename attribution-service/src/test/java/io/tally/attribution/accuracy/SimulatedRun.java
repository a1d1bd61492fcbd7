package io.tally.attribution.accuracy;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import io.tally.simulator.Customer;
import io.tally.simulator.PathFiles;
import io.tally.simulator.Scenario;
import io.tally.simulator.Simulator;
import io.tally.simulator.Truth;

/**
 * One seeded draw of a scenario: the true incremental conversion shares and the path file the evaluate endpoint reads
 * (paths spelled {@code a > b}).
 */
record SimulatedRun(Map<String, Double> truth, String pathFile) {

    static SimulatedRun draw(Scenario scenario, int customers, long seed) {
        List<Customer> drawn = Simulator.run(scenario, customers, seed);
        StringWriter file = new StringWriter();
        PathFiles.write(drawn, false, file);
        return new SimulatedRun(Truth.shares(Truth.credit(scenario.model(), drawn, Truth.Weight.CONVERSIONS)),
                file.toString().replace(">", " > "));
    }
}
