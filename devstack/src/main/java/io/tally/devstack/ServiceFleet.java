package io.tally.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Several instances of the packaged services on one {@link Devstack}, for the scale-out tests: each instance is a child
 * process on a port of its own, with a log of its own ({@code <logs>/<module>-<n>/<module>.log}), configured by the
 * environment {@code ./tally up} gives the suite's services; a gateway in front of them gets every instance's URL,
 * comma-separated. While the others run, an instance can be stopped gracefully (SIGTERM), killed ({@code kill -9}) and
 * started again on its port, and new instances can be added.
 */
public final class ServiceFleet implements AutoCloseable {

    /** How long an instance may take to become ready (several start at once on a small machine). */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /** How long a graceful stop may take before the instance is killed, as {@code terminationGracePeriodSeconds}. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(45);

    /** One running (or stopped) instance of a module: {@code attribution-service-2}. */
    public record Instance(String module, int number, ServiceProcess process) {

        /** {@code <module>-<number>}. */
        public String name() {
            return module + "-" + number;
        }

        public String url() {
            return process.url();
        }
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path root;
    private final Devstack devstack;
    private final LocalIssuer issuer;
    private final Path logDirectory;
    private final Map<String, String> extraEnvironment;
    private final List<Instance> instances = new ArrayList<>();

    /**
     * @param root the repository root (where the modules' packaged services are)
     * @param extraEnvironment set on every instance on top of the suite's environment (e.g. a Kafka client setting
     *        such as {@code KAFKA_SESSION_TIMEOUT_MS}), may be empty
     */
    public ServiceFleet(Path root, Devstack devstack, LocalIssuer issuer, Path logDirectory,
            Map<String, String> extraEnvironment) {
        this.root = root;
        this.devstack = devstack;
        this.issuer = issuer;
        this.logDirectory = logDirectory;
        this.extraEnvironment = Map.copyOf(extraEnvironment);
    }

    /** Starts a new instance of {@code module} on a free port, without waiting for it: see {@link #awaitReady}. */
    public synchronized Instance start(String module) {
        Map<String, String> env = new HashMap<>(devstack.serviceEnvironment(issuer));
        env.putAll(extraEnvironment);
        return launch(module, env);
    }

    /**
     * Starts a gateway in front of {@code upstreams} (service name {@code campaign}, {@code attribution},
     * {@code connectors} to its instances, each given to the gateway as comma-separated URLs), without waiting.
     */
    public synchronized Instance startGateway(Map<String, List<Instance>> upstreams) {
        Map<String, String> env = new HashMap<>(devstack.serviceEnvironment(issuer));
        env.putAll(issuer.gatewayEnvironment());
        env.put("TALLY_CAMPAIGN_URL", urls(upstreams.get("campaign")));
        env.put("TALLY_ATTRIBUTION_URL", urls(upstreams.get("attribution")));
        env.put("TALLY_CONNECTORS_URL", urls(upstreams.get("connectors")));
        return launch("gateway", env);
    }

    private static String urls(List<Instance> instances) {
        if (instances == null || instances.isEmpty()) {
            throw new IllegalArgumentException("the gateway needs an instance of each service");
        }
        return instances.stream().map(Instance::url).collect(Collectors.joining(","));
    }

    private Instance launch(String module, Map<String, String> env) {
        int number = (int) instances.stream().filter(i -> i.module().equals(module)).count() + 1;
        Path logs = logDirectory.resolve(module + "-" + number);
        Instance instance = new Instance(module, number,
                ServiceProcess.start(root, module, Ports.free(), env, logs));
        instances.add(instance);
        return instance;
    }

    /** Waits until every one of {@code started} answers {@code /q/health/ready}. */
    public void awaitReady(Instance... started) {
        for (Instance instance : started) {
            instance.process().awaitReady(READY_TIMEOUT);
        }
    }

    /** Whether {@code instance} answers {@code /q/health/ready} with 200 right now. */
    public boolean isReady(Instance instance) {
        HttpRequest probe = HttpRequest.newBuilder(URI.create(instance.url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        try {
            return HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Stops {@code instance} gracefully: SIGTERM, and {@code kill -9} only if it has not stopped after
     * {@link #STOP_GRACE} (the services' Kubernetes termination grace period; their own shutdown timeout is 30 s).
     */
    public void stop(Instance instance) {
        instance.process().stop(STOP_GRACE);
    }

    /** Kills {@code instance} as {@code kill -9} does. */
    public void kill(Instance instance) {
        instance.process().kill();
    }

    /** Starts a stopped or killed {@code instance} again (same port and environment) and waits until it is ready. */
    public void restart(Instance instance) {
        instance.process().restart();
        instance.process().awaitReady(READY_TIMEOUT);
    }

    /** Every instance started, in order. */
    public synchronized List<Instance> instances() {
        return List.copyOf(instances);
    }

    /** Stops every instance: the gateways first, then all the others at once (each SIGTERM, killed after 20 s). */
    @Override
    public synchronized void close() {
        instances.stream().filter(i -> i.module().equals("gateway")).forEach(i -> i.process().close());
        List<Thread> stopping = new ArrayList<>();
        for (Instance instance : instances) {
            if (!instance.module().equals("gateway")) {
                Thread thread = new Thread(instance.process()::close, "stop-" + instance.name());
                thread.start();
                stopping.add(thread);
            }
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
