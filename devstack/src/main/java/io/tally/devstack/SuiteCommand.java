package io.tally.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The options of {@code ./tally up}. */
record SuiteCommand(Path root, boolean demo, boolean fresh, boolean help) {

    static final String USAGE = """
            Usage: ./tally up [--demo] [--fresh]

              --demo    load a small demo programme with campaigns, page views and purchases
              --fresh   delete the local data (.tally/data) first

            Data is kept in .tally/data between runs; logs go to .tally/logs.""";

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
