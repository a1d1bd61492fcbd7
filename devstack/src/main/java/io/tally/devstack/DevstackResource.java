package io.tally.devstack;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the real PostgreSQL and Kafka of {@link Devstack#shared()}, and makes it trust the
 * tokens of {@link LocalIssuer#shared()} (send them with {@link Authorized}). Use it with
 * {@code @QuarkusTestResource(DevstackResource.class)} (or {@code @WithTestResource}); the servers are shared by every
 * test class of the JVM and stop when it exits, so a restart of the application does not restart them.
 */
public class DevstackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(Devstack.shared().quarkusConfig());
        config.putAll(LocalIssuer.shared().quarkusConfig());
        return config;
    }

    @Override
    public void stop() {
        // shared across test classes; stopped by the JVM shutdown hook
    }
}
