package io.tally.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/** The options of {@code ./tally up}. */
record SuiteCommand(Path root, boolean demo, boolean fresh, boolean help) {

    static final String USAGE = """
            Usage: ./tally up [--demo] [--fresh]

              --demo    load a small demo programme with campaigns, page views and purchases
              --fresh   delete the local data (.tally/data) first

            Data is kept in .tally/data between runs; logs go to .tally/logs. Each run signs tokens with a new key
            and writes one per role to .tally/tokens.env (TALLY_TOKEN_ANALYST=..., one line per role).""";

    static SuiteCommand parse(String[] args) {
        Path root = Path.of("").toAbsolutePath();
        boolean demo = false;
        boolean fresh = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--demo" -> demo = true;
                case "--fresh" -> fresh = true;
                case "--root" -> root = Path.of(args[++i]).toAbsolutePath();
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
            }
        }
        return new SuiteCommand(root, demo, fresh, help);
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

    /** Writes {@code tokens} to {@link #tokensFile()}, readable by the owner only. */
    void writeTokens(Map<String, String> tokens) {
        StringBuilder lines = new StringBuilder(
                "# Tokens of the running ./tally up, one per role; a restart replaces them.\n");
        tokens.forEach((name, token) -> lines.append(name).append('=').append(token).append('\n'));
        try {
            Files.createDirectories(tokensFile().getParent());
            Files.writeString(tokensFile(), lines);
            try {
                Files.setPosixFilePermissions(tokensFile(), PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: leave the defaults
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + tokensFile(), e);
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
