package io.tally.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.tally.devstack.SimulationLoad;
import io.tally.devstack.Suite;
import io.tally.support.security.Role;

/**
 * The simulator's confounded scenario driven through the real connectors of the packaged suite (web collector, signed
 * ESP webhook, social engagements, offline imports, cost import), credited, trained and read back from the reports,
 * against the truth the simulator computes from its causal model.
 */
@Order(2)
@ExtendWith(SharedSuite.class)
class SimulationIT {

    /**
     * The stated tolerance: the incremental model's revenue shares lie within this total variation distance of the
     * true ones (2,000 customers, about 300 conversions: sampling noise alone moves the shares by several points).
     */
    static final double TOLERANCE = 0.2;
    static final List<String> RULE_BASED = List.of("first_touch", "last_touch",
            "last_non_direct", "linear", "position_based", "time_decay");

    @Test
    void aSimulatedProgrammeDrivenThroughTheConnectorsIsCreditedCloseToTheTruth(Suite suite) {
        // a version trained before would credit the simulation's conversions instead of the versions it trains
        String analyst = suite.issuer().token(Role.ANALYST);
        for (String model : List.of("markov", "shapley", "incremental")) {
            assertThat(given().auth().oauth2(analyst)
                    .get("/api/v1/attribution/models/{model}/versions", model).then().statusCode(200).extract()
                    .jsonPath().getList("version")).as("%s versions before the simulation (it runs before anything in"
                            + " the shared suite trains: @Order)", model)
                    .isEmpty();
        }
        SimulationLoad.Readout readout = new SimulationLoad(suite, Duration.ofMinutes(5)).run("confounded", 2_000, 11);
        System.out.println(readout.table());

        // every model credits exactly the revenue sent (the load waits for it, this says so)
        readout.credited().forEach((model, amount) -> assertThat(amount).as(model)
                .isEqualByComparingTo(readout.revenue()));
        // programme ROI counts every cost imported, to the cent
        assertThat(readout.costsReported()).containsOnlyKeys(readout.costsSent().keySet());
        readout.costsSent().forEach((channel, cost) -> assertThat(readout.costsReported().get(channel)).as(channel)
                .isEqualByComparingTo(cost));
        // the data-driven figures are those of the versions the run trained, and only those
        readout.trained().forEach((model, version) -> assertThat(readout.crediting().get(model)).as(model)
                .containsExactly(version));

        // against the truth: within the tolerance, and closer than every rule-based model
        double incremental = readout.distance().get("incremental");
        assertThat(incremental).isLessThanOrEqualTo(TOLERANCE);
        RULE_BASED.forEach(model -> assertThat(incremental).as("incremental against " + model)
                .isLessThan(readout.distance().get(model)));
    }
}
