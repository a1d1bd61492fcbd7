package io.tally.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

import io.tally.events.Topics;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one), running in this JVM. Internal topics use
 * replication factor 1, as one node requires; otherwise consumer groups and transactions would wait forever.
 * <p>
 * Its client listener is either plain ({@link Security#PLAINTEXT}) or, as Strimzi's listener in Kubernetes,
 * {@link Security#SASL_SCRAM}: SASL_PLAINTEXT with SCRAM-SHA-512, one user ({@link #SASL_USER}), and no other way
 * in. {@link #clientConfig()} is what a client needs to reach it either way.
 * <p>
 * Longer than most classes on purpose: it is one job, the broker's lifecycle (its KRaft and listener configuration,
 * the SASL user, start, restart on the same port and log directory for the fault tests, stop), and splitting it would
 * only spread that configuration over several files.
 */
public final class KafkaBroker implements AutoCloseable {

    /** How clients reach the broker. */
    public enum Security {
        /** No authentication (the local suite and most tests). */
        PLAINTEXT,
        /**
         * SASL_PLAINTEXT with SCRAM-SHA-512, as Strimzi's {@code scram-sha-512} listener: only {@link #SASL_USER} with
         * {@link #SASL_PASSWORD} gets in; a client without SASL, or with another password, gets no metadata.
         */
        SASL_SCRAM
    }

    /** The SASL mechanism of {@link Security#SASL_SCRAM} (Strimzi's {@code scram-sha-512}). */
    public static final String SASL_MECHANISM = "SCRAM-SHA-512";
    /** The one user of {@link Security#SASL_SCRAM}; the broker authenticates to itself as this user too. */
    public static final String SASL_USER = "tally";
    public static final String SASL_PASSWORD = "tally-secret";

    private static final String SASL_LISTENER = "SASL_PLAINTEXT";

    private final KafkaConfig config;
    private final int port;
    private final Security security;
    private final Path logDirectory;
    private final boolean deleteOnClose;
    private volatile KafkaRaftServer server;

    private KafkaBroker(KafkaConfig config, int port, Security security, Path logDirectory, boolean deleteOnClose) {
        this.config = config;
        this.port = port;
        this.security = security;
        this.logDirectory = logDirectory;
        this.deleteOnClose = deleteOnClose;
    }

    /** The {@code sasl.jaas.config} of a SCRAM client logging in as {@code user}. */
    public static String scramJaasConfig(String user, String password) {
        return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                + "\" password=\"" + password + "\";";
    }

    /**
     * The broker shares its JVM with tests or the launcher: a fatal error of Kafka's (which would exit or halt the
     * process, taking a test run down without a word) is printed instead, and the broker's clients then fail visibly.
     */
    private static void keepTheJvmOnFatalErrors() {
        Exit.setExitProcedure((status, message) -> System.err.printf(
                "devstack Kafka: the broker asked to exit the JVM (status %d): %s; the JVM keeps running%n", status,
                message));
        Exit.setHaltProcedure((status, message) -> System.err.printf(
                "devstack Kafka: the broker asked to halt the JVM (status %d): %s; the JVM keeps running%n", status,
                message));
    }

    /**
     * Formats the storage (first start only) and starts a plain broker.
     *
     * @param logDirectory where the log lives; kept across starts. Null for a throw-away directory.
     * @param port the client port, or 0 for a free one
     */
    public static KafkaBroker start(Path logDirectory, int port) {
        return start(logDirectory, port, Security.PLAINTEXT);
    }

    /**
     * Formats the storage (first start only; with {@link Security#SASL_SCRAM} that is when the SCRAM credential of
     * {@link #SASL_USER} is written) and starts the broker.
     *
     * @param logDirectory where the log lives; kept across starts. Null for a throw-away directory.
     * @param port the client port, or 0 for a free one
     * @param security how clients reach it
     */
    public static KafkaBroker start(Path logDirectory, int port, Security security) {
        try {
            boolean temporary = logDirectory == null;
            Path dir = temporary ? Files.createTempDirectory("tally-kafka") : Files.createDirectories(logDirectory);
            int brokerPort = port == 0 ? Ports.free() : port;
            int controllerPort = Ports.free();
            KafkaConfig config = KafkaConfig.fromProps(properties(dir, brokerPort, controllerPort, security));
            if (!Files.exists(dir.resolve("meta.properties"))) {
                format(dir, security);
            }
            keepTheJvmOnFatalErrors();
            KafkaBroker broker = new KafkaBroker(config, brokerPort, security, dir, temporary);
            broker.startServer();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Kafka did not start", e);
        }
    }

    private void startServer() {
        KafkaRaftServer started = new KafkaRaftServer(config, Time.SYSTEM);
        started.startup();
        server = started;
    }

    /**
     * Shuts the broker down (as a rolling restart does: clients see it leave) and starts it again with the same ports,
     * configuration and log directory, so every topic, record and committed offset survives. For fault tests.
     */
    public void restart() {
        server.shutdown();
        server.awaitShutdown();
        startServer();
    }

    private static Properties properties(Path dir, int brokerPort, int controllerPort, Security security) {
        // the controller listener stays plain: only this node talks to it, inside this JVM
        String listener = security == Security.SASL_SCRAM ? SASL_LISTENER : "PLAINTEXT";
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@localhost:" + controllerPort);
        p.put("listeners", listener + "://localhost:" + brokerPort + ",CONTROLLER://localhost:" + controllerPort);
        p.put("advertised.listeners", listener + "://localhost:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", listener);
        p.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:PLAINTEXT");
        if (security == Security.SASL_SCRAM) {
            p.put("sasl.enabled.mechanisms", SASL_MECHANISM);
            p.put("sasl.mechanism.inter.broker.protocol", SASL_MECHANISM);
            p.put("listener.name." + SASL_LISTENER.toLowerCase() + "." + SASL_MECHANISM.toLowerCase()
                    + ".sasl.jaas.config", scramJaasConfig(SASL_USER, SASL_PASSWORD));
        }
        p.put("log.dirs", dir.toString());
        p.put("num.partitions", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "false");
        p.put("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        return p;
    }

    private static void format(Path dir, Security security) {
        try {
            Formatter formatter = new Formatter();
            if (security == Security.SASL_SCRAM) {
                // the credential is part of the bootstrap metadata, so it exists before the first client connects
                formatter.setScramArguments(List.of(
                        SASL_MECHANISM + "=[name=" + SASL_USER + ",password=" + SASL_PASSWORD + "]"));
            }
            formatter
                    .setPrintStream(new PrintStream(PrintStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(Set.of(dir.toString()))
                    .setMetadataLogDirectory(dir.toString())
                    .setControllerListenerName("CONTROLLER")
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka storage in " + dir, e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public Security security() {
        return security;
    }

    /**
     * What a Kafka client needs to reach this broker: {@code bootstrap.servers} and, for {@link Security#SASL_SCRAM},
     * {@code security.protocol}, {@code sasl.mechanism} and {@code sasl.jaas.config} as {@link #SASL_USER}. A new map
     * the caller may add to.
     */
    public Map<String, Object> clientConfig() {
        Map<String, Object> config = new HashMap<>();
        config.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        if (security == Security.SASL_SCRAM) {
            config.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, SASL_LISTENER);
            config.put(SaslConfigs.SASL_MECHANISM, SASL_MECHANISM);
            config.put(SaslConfigs.SASL_JAAS_CONFIG, scramJaasConfig(SASL_USER, SASL_PASSWORD));
        }
        return config;
    }

    /** {@link #clientConfig()} as the {@code kafka.*} keys of a Quarkus service (read by every Kafka client in it). */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new HashMap<>();
        clientConfig().forEach((key, value) -> config.put("kafka." + key, String.valueOf(value)));
        return config;
    }

    /** Creates every topic of {@link Topics#ALL} that does not exist yet (compacted where the contract says so). */
    public void createTopics() {
        createTopics(0);
    }

    /**
     * Creates every topic of {@link Topics#ALL} that does not exist yet, compacted where the contract says so, with at
     * least {@code minimumPartitions} partitions (the contract's count when that is more). The scale-out tests use 12,
     * so partitions move between several consumers of a group. A topic that exists keeps its partitions.
     */
    public void createTopics(int minimumPartitions) {
        try (Admin admin = Admin.create(clientConfig())) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), Math.max(spec.partitions(), minimumPartitions), (short) 1)
                            .configs(spec.compacted()
                                    ? Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
                                    : Map.of()))
                    .toList();
            admin.createTopics(missing).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not create topics", e.getCause());
        }
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            deleteRecursively(logDirectory);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory that outlives us is harmless
        }
    }
}
