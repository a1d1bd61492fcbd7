package io.tally.devstack;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Like {@link DevstackResource} (the shared PostgreSQL), but with Kafka at a port where no broker runs until the test
 * calls {@link #startBroker()}: for tests of what a service does while the broker is down and after it is back. The
 * outbox relay retries fast ({@code send-timeout} 2 s, {@code poll-interval} 500 ms) so the tests stay short.
 */
public class KafkaOutageResource implements QuarkusTestResourceLifecycleManager {

    private static final int PORT = Ports.free();
    private static KafkaBroker late;

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(new DevstackResource().start());
        config.put("kafka.bootstrap.servers", "localhost:" + PORT);
        config.put("tally.outbox.send-timeout", "2s");
        config.put("tally.outbox.poll-interval", "500ms");
        return config;
    }

    /** Starts the broker the application has been pointed at, with every topic of the contract; returns it. */
    public static synchronized KafkaBroker startBroker() {
        if (late == null) {
            late = KafkaBroker.start(null, PORT);
            late.createTopics();
        }
        return late;
    }

    @Override
    public void stop() {
        synchronized (KafkaOutageResource.class) {
            if (late != null) {
                late.close();
                late = null;
            }
        }
    }
}
