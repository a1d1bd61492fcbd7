package io.tally.events.kafka;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * The settings of every Tally producer that is not a SmallRye channel (the outbox relay, the collector's publisher):
 * the service's shared {@code kafka.*} client configuration, as SmallRye gives its channels (the
 * {@code @Identifier("default-kafka-broker")} map: bootstrap servers, {@code security.protocol}, {@code sasl.*},
 * {@code ssl.*}), with the delivery guarantees every Tally producer must have fixed on top. So a producer reaches a
 * broker that requires TLS or SASL exactly as the service's consumers do, and nobody can configure its guarantees away.
 */
public final class ProducerSettings {

    /** Keys only a consumer takes (e.g. {@code group.id}, in the shared map); a producer would warn on them. */
    private static final Set<String> CONSUMER_ONLY = consumerOnly();

    private ProducerSettings() {
    }

    /**
     * The shared settings, without consumer-only keys, with {@code client.id}, {@code acks=all} and idempotence. The
     * caller adds its serializers and timeouts.
     *
     * @param shared the service's {@code kafka.*} configuration (keys without the {@code kafka.} prefix); not changed
     * @param clientId the producer's {@code client.id}, which names it in broker logs, quotas and metrics
     * @return a new, mutable map
     */
    public static Map<String, Object> reliable(Map<String, ?> shared, String clientId) {
        Map<String, Object> props = new HashMap<>(shared);
        props.keySet().removeAll(CONSUMER_ONLY);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }

    private static Set<String> consumerOnly() {
        Set<String> keys = new HashSet<>(ConsumerConfig.configNames());
        keys.removeAll(ProducerConfig.configNames());
        return Set.copyOf(keys);
    }
}
