package io.tally.campaign.api;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tally.devstack.DevstackResource;
import io.tally.devstack.PathSpellings;

/** Every documented operation, spelled every second way, as every role: refused before any rule or resource. */
@QuarkusTest
@WithTestResource(DevstackResource.class)
class PathSpellingsTest {

    @Test
    void everyOperationIsDecidedOnThePathTheRouterDispatchesOn() {
        PathSpellings.assertEverySecondSpellingRefused(RestAssured.port);
    }
}
