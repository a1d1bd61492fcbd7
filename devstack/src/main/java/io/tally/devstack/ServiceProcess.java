package io.tally.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged Quarkus service running as a child process, its output in a log file. It can be killed ({@code kill -9})
 * and started again with the same command, environment and port, for fault tests.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    /** The heap a service gets locally: enough for the demo, the tests and a laptop running all four. */
    private static final String DEFAULT_MAX_HEAP = "512m";

    private final int port;
    private final Path log;
    private final ProcessBuilder command;
    private volatile Process process;

    private ServiceProcess(String name, int port, Path log, ProcessBuilder command) throws IOException {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = command;
        this.process = command.start();
    }

    /**
     * Starts {@code module}'s fast-jar ({@code target/quarkus-app/quarkus-run.jar}) in the prod profile.
     *
     * @param env configuration as environment variables, as a deployment would set them
     */
    public static ServiceProcess start(Path root, String module, int port, Map<String, String> env, Path logDir) {
        return start(root, module, port, env, logDir, DEFAULT_MAX_HEAP);
    }

    /**
     * As {@link #start(Path, String, int, Map, Path)}, with the JVM's maximum heap ({@code -Xmx}, e.g. {@code 1g}):
     * for a benchmark that runs a service with the heap its deployment gives it.
     */
    public static ServiceProcess start(Path root, String module, int port, Map<String, String> env, Path logDir,
            String maxHeap) {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(module + ".log");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xms64m", "-Xmx" + maxHeap, "-jar",
                    jar.toString()))
                    .directory(root.resolve(module).toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(env);
            builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
            return new ServiceProcess(module, port, log, builder);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + module, e);
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early if the process dies. */
    public void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            Process current = process;
            if (!current.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + current.exitValue() + "; see " + log);
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            pause();
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Kills the service as {@code kill -9} does (no shutdown hooks, no graceful close of its connections) and waits until
     * the process is gone.
     */
    public void kill() {
        Process current = process;
        current.descendants().forEach(ProcessHandle::destroyForcibly);
        current.destroyForcibly();
        try {
            if (!current.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not exit after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing " + name, e);
        }
    }

    /**
     * Starts the service again with the same command, environment and port (after {@link #kill()} or a crash); call
     * {@link #awaitReady} to wait for it. Its output is appended to the same log.
     */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running; kill it first");
        }
        try {
            process = command.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + " again", e);
        }
    }

    /** Asks the service to stop (SIGTERM: Quarkus shuts down gracefully), and kills it if it has not after 20 s. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(20));
    }

    /**
     * Asks the service to stop (SIGTERM: Quarkus shuts down gracefully), and kills it if it has not after {@code grace}
     * (as Kubernetes does after a pod's termination grace period).
     */
    public void stop(Duration grace) {
        Process current = process;
        current.descendants().forEach(ProcessHandle::destroy);
        current.destroy();
        try {
            if (!current.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                current.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            current.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
