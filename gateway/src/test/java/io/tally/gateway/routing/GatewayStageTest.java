package io.tally.gateway.routing;

import static io.tally.gateway.routing.GatewayStage.ACCESS_CONTROL;
import static io.tally.gateway.routing.GatewayStage.PATH_GUARD;
import static io.tally.gateway.routing.GatewayStage.PROXY;
import static io.tally.gateway.routing.GatewayStage.RATE_LIMIT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.tally.gateway.UpstreamStubs;
import io.tally.support.http.PathGuard;
import io.tally.support.security.AccessControl;
import io.vertx.ext.web.Route;

/** The gateway's handlers are installed, and run, in the one order {@link GatewayStage} declares. */
@QuarkusTest
@WithTestResource(value = UpstreamStubs.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GatewayStageTest {

    @Inject
    InstalledRoutes routes;

    @Test
    void stageOrdersStrictlyIncreaseDownTheList() {
        assertThat(Arrays.stream(GatewayStage.values()).mapToInt(GatewayStage::order).toArray())
                .isSorted()
                .doesNotHaveDuplicates();
    }

    @Test
    void thePathGuardRunsBeforeAccessControlBeforeRateLimitingBeforeTheProxy() {
        assertThat(PATH_GUARD.order()).isEqualTo(PathGuard.ORDER);
        assertThat(ACCESS_CONTROL.order()).isEqualTo(AccessControl.ORDER);
        assertThat(PATH_GUARD.order()).isLessThan(ACCESS_CONTROL.order());
        assertThat(ACCESS_CONTROL.order()).isLessThan(RATE_LIMIT.order());
        assertThat(RATE_LIMIT.order()).isLessThan(PROXY.order());
        // the proxy hands the gateway's own paths on to its REST resources, which Quarkus installs after it
        assertThat(PROXY.order()).isLessThan(RouteConstants.ROUTE_ORDER_DEFAULT);
    }

    @Test
    void theRouterHoldsEveryStageAtItsOrderAndTriesThemInTheDeclaredOrder() {
        List<Route> installed = routes.inDispatchOrder();
        List<GatewayStage> stages = installed.stream().map(GatewayStageTest::stageOf).flatMap(Optional::stream)
                .toList();

        assertThat(stages).isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(stages.stream().distinct()).containsExactly(GatewayStage.values());
        assertThat(installed).filteredOn(route -> route.getMetadata(GatewayStage.METADATA_KEY) != null)
                .allSatisfy(route -> assertThat(InstalledRoutes.order(route))
                        .isEqualTo(route.<GatewayStage> getMetadata(GatewayStage.METADATA_KEY).order()));
    }

    /**
     * The stage a route belongs to: the one it names, or, for the two handlers service-support installs itself, the
     * one at whose order and path it sits.
     */
    private static Optional<GatewayStage> stageOf(Route route) {
        GatewayStage named = route.getMetadata(GatewayStage.METADATA_KEY);
        if (named != null) {
            return Optional.of(named);
        }
        int order = InstalledRoutes.order(route);
        if (order == PathGuard.ORDER && route.getPath() == null) {
            return Optional.of(PATH_GUARD);
        }
        if (order == AccessControl.ORDER && (RouteTable.API_ROOT + "/").equals(route.getPath())) {
            return Optional.of(ACCESS_CONTROL);
        }
        return Optional.empty();
    }
}
