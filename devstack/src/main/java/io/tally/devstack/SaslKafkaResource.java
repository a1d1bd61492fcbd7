package io.tally.devstack;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Like {@link DevstackResource} (the shared PostgreSQL and token issuer), but Kafka is a broker that accepts only SASL
 * clients, as Strimzi's listener in Kubernetes does: SASL_PLAINTEXT with SCRAM-SHA-512 as
 * {@link KafkaBroker#SASL_USER}. The application gets {@code kafka.bootstrap.servers}, {@code kafka.security.protocol},
 * {@code kafka.sasl.mechanism} and {@code kafka.sasl.jaas.config}, the keys its {@code %prod} profile reads from the
 * environment; a Kafka client of the service that ignores them cannot connect. The broker (every contract topic
 * created) starts on first use, once per JVM, and stops when the JVM exits; tests reach it with {@link #broker()}.
 */
public class SaslKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaBroker broker;

    /** The JVM-wide SASL broker, started on first use; its {@link KafkaBroker#clientConfig()} logs in. */
    public static synchronized KafkaBroker broker() {
        if (broker == null) {
            KafkaBroker started = KafkaBroker.start(null, 0, KafkaBroker.Security.SASL_SCRAM);
            started.createTopics();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "devstack-sasl-kafka-shutdown"));
            broker = started;
        }
        return broker;
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(new DevstackResource().start());
        config.putAll(broker().quarkusConfig());
        return config;
    }

    @Override
    public void stop() {
        // shared across test classes; stopped by the JVM shutdown hook
    }
}
