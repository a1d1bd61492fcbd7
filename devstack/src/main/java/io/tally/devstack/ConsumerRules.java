package io.tally.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The rule every consuming service keeps, checked on its compiled classes (the names a class file refers to are in its
 * constant pool): each {@code @Incoming} class hands its records to service-support's {@code EventIntake}, whose
 * retries are the {@code tally.intake.*} keys, and no class sleeps to retry on its own. Services call it from a plain
 * JUnit test with their {@code target/classes} package directory.
 */
public final class ConsumerRules {

    private static final String INCOMING = "Lorg/eclipse/microprofile/reactive/messaging/Incoming;";
    private static final String INTAKE = "io/tally/support/messaging/EventIntake";

    private ConsumerRules() {
    }

    /** Asserts that the service's consumers under {@code classes} all go through {@code EventIntake}. */
    public static void assertEveryConsumerUsesEventIntake(Path classes) {
        List<Path> consumers = classes(classes).filter(c -> mentions(c, INCOMING)).toList();
        if (consumers.isEmpty()) {
            throw new AssertionError("no @Incoming class under " + classes);
        }
        List<Path> bypassing = consumers.stream().filter(c -> !mentions(c, INTAKE)).toList();
        if (!bypassing.isEmpty()) {
            throw new AssertionError("consumers that do not use EventIntake (tally.intake.* retries): " + bypassing);
        }
    }

    /** Asserts that no class under {@code classes} calls {@code Thread.sleep}. */
    public static void assertNoClassSleepsToRetry(Path classes) {
        List<Path> sleeping = classes(classes).filter(c -> mentions(c, "java/lang/Thread") && mentions(c, "sleep"))
                .toList();
        if (!sleeping.isEmpty()) {
            throw new AssertionError(
                    "classes calling Thread.sleep (retries are EventIntake's, configured by tally.intake.*): "
                            + sleeping);
        }
    }

    private static Stream<Path> classes(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new AssertionError("no compiled classes at " + directory.toAbsolutePath());
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(f -> f.toString().endsWith(".class")).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the class file names {@code name} (class, descriptor and member names are in its constant pool). */
    private static boolean mentions(Path classFile, String name) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
