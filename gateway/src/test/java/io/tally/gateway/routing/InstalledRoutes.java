package io.tally.gateway.routing;

import java.lang.reflect.Method;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;

/** Test bean: keeps the gateway's Vert.x router, so a test can read the installed routes in dispatch order. */
@Singleton
public class InstalledRoutes {

    private volatile Router router;

    void capture(@Observes @Priority(Integer.MAX_VALUE) Router router) {
        this.router = router;
    }

    /** Every route of the router, in the order it tries them (by route order, then by installation). */
    List<Route> inDispatchOrder() {
        return router.getRoutes();
    }

    /** The order a route was installed at (Vert.x keeps it package-private). */
    static int order(Route route) {
        try {
            Method order = route.getClass().getDeclaredMethod("order");
            order.setAccessible(true);
            return (int) order.invoke(route);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read the order of " + route, e);
        }
    }
}
