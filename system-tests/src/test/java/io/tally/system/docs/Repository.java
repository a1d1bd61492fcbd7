package io.tally.system.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository the docs tests read: found as the system tests find it ({@code -Dtally.root}, else the parent of
 * the module folder surefire runs in).
 */
final class Repository {

    /** The repository root. */
    static final Path ROOT = root();

    /** Folders never searched for documentation: build output, local run state, tool folders. */
    private static final List<String> SKIPPED = List.of("target", "node_modules");

    private Repository() {
    }

    /** The modules that are services: each has its own {@code src/main/resources/application.properties}. */
    static List<String> services() {
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.filter(m -> Files.isRegularFile(m.resolve("src/main/resources/application.properties")))
                    .map(m -> m.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every Markdown file of the repository, outside build output and hidden folders. */
    static List<Path> markdownFiles() {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(ROOT, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
                    String name = folder.getFileName().toString();
                    boolean skip = !folder.equals(ROOT) && (name.startsWith(".") || SKIPPED.contains(name));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (file.getFileName().toString().endsWith(".md")) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found.stream().sorted().toList();
    }

    /** The Java sources under {@code <module>/src/main/java} (none if it has none). */
    static List<Path> mainJavaSources(String module) {
        Path sources = ROOT.resolve(module).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code file} as a repository-relative path, for messages. */
    static String relative(Path file) {
        return ROOT.relativize(file).toString();
    }

    private static Path root() {
        Path root = Path.of(System.getProperty("tally.root", "..")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(root.resolve("mvnw")) || !Files.isDirectory(root.resolve("events"))) {
            throw new IllegalStateException(
                    root + " is not the repository root; run from system-tests or set -Dtally.root");
        }
        return root;
    }
}
