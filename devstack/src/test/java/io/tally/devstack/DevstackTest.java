package io.tally.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.tally.events.Topics;

class DevstackTest {

    private final Devstack stack = Devstack.shared();

    @Test
    void postgresAcceptsSqlInTheTallyDatabase() throws Exception {
        try (Connection c = DriverManager.getConnection(stack.postgres().jdbcUrl(), PostgresServer.USER,
                PostgresServer.PASSWORD);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS probe (id int primary key)");
            st.execute("INSERT INTO probe VALUES (1) ON CONFLICT DO NOTHING");
            try (ResultSet rs = st.executeQuery("SELECT current_database(), count(*) FROM probe")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("tally");
                assertThat(rs.getInt(2)).isEqualTo(1);
            }
        }
    }

    @Test
    void everyContractTopicExistsAndCampaignsIsCompacted() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                stack.kafka().bootstrapServers()))) {
            Set<String> names = admin.listTopics().names().get();
            assertThat(names).containsAll(Topics.ALL.stream().map(Topics.Spec::name).toList());

            ConfigResource campaigns = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CAMPAIGNS);
            ConfigEntry policy = admin.describeConfigs(List.of(campaigns)).all().get().get(campaigns)
                    .get("cleanup.policy");
            assertThat(policy.value()).isEqualTo("compact");
        }
    }

    @Test
    void aConsumerGroupReceivesWhatAnIdempotentProducerSent() throws Exception {
        String bootstrap = stack.kafka().bootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.REJECTS, "probe", "hello")).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "devstack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.REJECTS));
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!seen.contains("hello") && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(r.value());
                }
            }
            assertThat(seen).contains("hello");
        }
    }
}
