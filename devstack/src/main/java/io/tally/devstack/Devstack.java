package io.tally.devstack;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * PostgreSQL and Kafka together, started in parallel. {@link #shared()} gives one per JVM for tests (stopped when the JVM
 * exits); {@link #start} gives one for the local suite, with data kept in a directory.
 */
public final class Devstack implements AutoCloseable {

    private static Devstack shared;

    private final PostgresServer postgres;
    private final KafkaBroker kafka;

    private Devstack(PostgresServer postgres, KafkaBroker kafka) {
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /** The JVM-wide stack for tests: started on first use, with throw-away data, stopped at JVM exit. */
    public static synchronized Devstack shared() {
        if (shared == null) {
            shared = start(null, 0, 0);
            Devstack stack = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "devstack-shutdown"));
        }
        return shared;
    }

    /**
     * Starts both servers in parallel and creates every Tally topic.
     *
     * @param dataDirectory parent of {@code postgres/} and {@code kafka/} (kept across starts), or null for throw-away data
     * @param postgresPort the port, or 0 for a free one
     * @param kafkaPort the port, or 0 for a free one
     */
    public static Devstack start(Path dataDirectory, int postgresPort, int kafkaPort) {
        return start(dataDirectory, postgresPort, kafkaPort, 0);
    }

    /**
     * As {@link #start(Path, int, int)}, with every topic created with at least {@code topicPartitions} partitions (see
     * {@link KafkaBroker#createTopics(int)}); for the scale-out tests.
     */
    public static Devstack start(Path dataDirectory, int postgresPort, int kafkaPort, int topicPartitions) {
        CompletableFuture<PostgresServer> pg = CompletableFuture.supplyAsync(() -> PostgresServer.start(
                dataDirectory == null ? null : dataDirectory.resolve("postgres"), postgresPort,
                dataDirectory == null ? null : dataDirectory.resolve("postgres.log")));
        CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(
                () -> KafkaBroker.start(dataDirectory == null ? null : dataDirectory.resolve("kafka"), kafkaPort));
        try {
            Devstack stack = new Devstack(pg.join(), broker.join());
            stack.kafka.createTopics(topicPartitions);
            return stack;
        } catch (CompletionException e) {
            pg.thenAccept(PostgresServer::close);
            broker.thenAccept(KafkaBroker::close);
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    /**
     * Restarts the Kafka broker on the same port and log directory (data survives); returns when it serves again. For
     * fault tests.
     */
    public void restartKafka() {
        kafka.restart();
    }

    /**
     * Restarts PostgreSQL on the same port and data directory (the stack must have been started with one); returns when
     * it accepts connections again. For fault tests.
     */
    public void restartPostgres() {
        postgres.restart();
    }

    /**
     * The Quarkus configuration that points a service at this stack. Services read the same keys in every profile, so the
     * test, the local suite and production differ only in values.
     */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new HashMap<>(kafka.quarkusConfig());
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
        config.put("quarkus.datasource.username", PostgresServer.USER);
        config.put("quarkus.datasource.password", PostgresServer.PASSWORD);
        return config;
    }

    /**
     * The environment a packaged service needs to run on this stack and trust {@code issuer}'s tokens, as a deployment
     * sets it.
     */
    public Map<String, String> serviceEnvironment(LocalIssuer issuer) {
        Map<String, String> env = new HashMap<>(issuer.environment());
        env.put("TALLY_DB_URL", postgres.jdbcUrl());
        env.put("TALLY_DB_USER", PostgresServer.USER);
        env.put("TALLY_DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        return env;
    }

    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }
}
