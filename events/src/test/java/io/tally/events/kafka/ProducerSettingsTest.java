package io.tally.events.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ProducerSettingsTest {

    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required"
            + " username=\"campaign-service\" password=\"secret\";";

    private final Map<String, Object> shared = Map.of(
            "bootstrap.servers", "tally-kafka-bootstrap:9092",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", JAAS,
            "ssl.truststore.location", "/etc/tally/kafka-ca/ca.p12",
            "ssl.truststore.type", "PKCS12",
            "group.id", "campaign-service",
            "auto.offset.reset", "earliest");

    @Test
    void securitySettingsReachTheProducerUnchanged() {
        assertThat(ProducerSettings.reliable(shared, "campaign-service-outbox")).containsAllEntriesOf(Map.of(
                "bootstrap.servers", "tally-kafka-bootstrap:9092",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", JAAS,
                "ssl.truststore.location", "/etc/tally/kafka-ca/ca.p12",
                "ssl.truststore.type", "PKCS12"));
    }

    @Test
    void consumerOnlyKeysAreDropped() {
        assertThat(ProducerSettings.reliable(shared, "p")).doesNotContainKeys("group.id", "auto.offset.reset");
    }

    @Test
    void deliveryGuaranteesAndClientIdOverrideTheSharedSettings() {
        Map<String, Object> weak = Map.of("bootstrap.servers", "b:9092", "acks", "0", "enable.idempotence", "false",
                "client.id", "shared");

        assertThat(ProducerSettings.reliable(weak, "channel-connectors")).containsAllEntriesOf(Map.of(
                "acks", "all", "enable.idempotence", true, "client.id", "channel-connectors"));
    }

    @Test
    void theSharedMapIsNotChanged() {
        ProducerSettings.reliable(shared, "p");

        assertThat(shared).containsKey("group.id").doesNotContainKey("acks");
    }
}
