package io.tally.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/** The options of {@code ./tally up}. */
record SuiteCommand(Path root, boolean demo, boolean fresh, boolean help, String simulate, int customers,
        long seed, boolean trace) {

    static final String USAGE = """
            Usage: ./tally up [--demo] [--fresh] [--trace] [--simulate <scenario> [--customers 5000] [--seed 7]]

              --demo       load a demo programme: customers touched on every channel, their orders, every cost
              --fresh      delete the local data (.tally/data) first
              --trace      trace every request and record (OpenTelemetry) and write each span to the service's log
                           in .tally/logs (trace id, span id, parent), instead of sending it to a collector
              --simulate   drive a simulator scenario (confounded, no-confounding, synergy, long-journeys,
                           many-channels) through the connectors, train the data-driven models and print every
                           model's channel shares against the true incremental ones, costs and ROI against the truth
                           (its conversions fall 9 to 12 days ago; best on a --fresh suite)

            Data is kept in .tally/data between runs; logs go to .tally/logs. Each run signs tokens with a new key
            and writes one per role to .tally/tokens.env (TALLY_TOKEN_ANALYST=..., one line per role) before it
            starts the services, so once the gateway answers /q/health/ready the file holds tokens it accepts.""";

    static SuiteCommand parse(String[] args) {
        Path root = Path.of("").toAbsolutePath();
        boolean demo = false;
        boolean fresh = false;
        boolean help = false;
        String simulate = null;
        int customers = 5_000;
        long seed = 7;
        boolean trace = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo" -> demo = true;
                case "--simulate" -> simulate = io.tally.simulator.Scenario.named(value(args, ++i)).name();
                case "--customers" -> customers = Integer.parseInt(value(args, ++i));
                case "--seed" -> seed = Long.parseLong(value(args, ++i));
                case "--fresh" -> fresh = true;
                case "--trace" -> trace = true;
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath();
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        if (customers < 1) {
            throw new IllegalArgumentException("--customers must be at least 1\n" + USAGE);
        }
        return new SuiteCommand(root, demo, fresh, help, simulate, customers, seed, trace);
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    /**
     * What {@code --trace} adds to every service's environment: the profile {@code tracing} (OpenTelemetry on, the
     * Kafka connector's spans too) and spans written to the log ({@code SpanLog}) instead of sent over OTLP.
     */
    java.util.Map<String, String> tracingEnvironment() {
        return trace
                ? java.util.Map.of("QUARKUS_PROFILE", "prod,tracing", "TALLY_TRACING_LOG_SPANS", "true",
                        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "1s")
                : java.util.Map.of();
    }

    Path dataDirectory() {
        return root.resolve(".tally/data");
    }

    Path logDirectory() {
        return root.resolve(".tally/logs");
    }

    /** Where the local issuer's public key goes (a new one each run). */
    Path keyDirectory() {
        return root.resolve(".tally/auth");
    }

    /** Where the tokens of this run are written, one {@code TALLY_TOKEN_<ROLE>=...} line per role. */
    Path tokensFile() {
        return root.resolve(".tally/tokens.env");
    }

    /**
     * Starts a run with a new key: deletes the previous run's {@link #tokensFile()}, makes a new {@link LocalIssuer} in
     * {@link #keyDirectory()}, writes its tokens (valid for {@code lifetime}) and only then calls {@code start} with it.
     * So the file holds this run's tokens before any service, the gateway included, can answer ready. If {@code start}
     * fails, the file is deleted again: there are no tokens of a suite that did not start.
     */
    <T> T startWithNewTokens(Duration lifetime, Function<LocalIssuer, T> start) {
        deleteTokens();
        LocalIssuer issuer = LocalIssuer.create(keyDirectory());
        writeTokens(issuer.tokensByVariable(lifetime));
        try {
            return start.apply(issuer);
        } catch (RuntimeException e) {
            deleteTokens();
            throw e;
        }
    }

    /**
     * Replaces {@link #tokensFile()} with {@code tokens}, readable by the owner only: written to a temporary file beside
     * it, then moved over it, so a reader sees the previous file or the whole new one.
     */
    void writeTokens(Map<String, String> tokens) {
        StringBuilder lines = new StringBuilder(
                "# Tokens of the running ./tally up, one per role; a restart replaces them.\n");
        tokens.forEach((name, token) -> lines.append(name).append('=').append(token).append('\n'));
        Path file = tokensFile();
        try {
            Files.createDirectories(file.getParent());
            Path written = Files.createTempFile(file.getParent(), ".tokens-", ".env.tmp");
            try {
                try {
                    Files.setPosixFilePermissions(written, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: leave the defaults
                }
                Files.writeString(written, lines);
                try {
                    Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(written, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(written);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    /** Deletes {@link #tokensFile()}, if there is one. */
    void deleteTokens() {
        try {
            Files.deleteIfExists(tokensFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + tokensFile(), e);
        }
    }

    /** Deletes the data directory when {@code --fresh} was given. */
    void prepareDataDirectory() {
        if (!fresh || !Files.exists(dataDirectory())) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dataDirectory())) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
