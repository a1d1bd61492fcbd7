package io.tally.campaign.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every consumer of this service hands its records to service-support's {@code EventIntake}, whose retries are the
 * {@code tally.intake.*} keys: no consumer retries, waits or dead-letters on its own. Checked on the compiled classes
 * (the names a class file refers to).
 */
class ConsumerIntakeTest {

    private static final Path CLASSES = Path.of("target/classes/io/tally/campaign");
    private static final String INCOMING = "Lorg/eclipse/microprofile/reactive/messaging/Incoming;";
    private static final String INTAKE = "io/tally/support/messaging/EventIntake";

    @Test
    void everyConsumerGoesThroughEventIntake() throws IOException {
        List<Path> consumers = classes().filter(c -> mentions(c, INCOMING)).toList();

        assertThat(consumers).as("the service's @Incoming classes").isNotEmpty();
        assertThat(consumers).filteredOn(c -> !mentions(c, INTAKE))
                .as("consumers that do not use EventIntake (tally.intake.* retries)").isEmpty();
    }

    @Test
    void noClassOfTheServiceSleepsToRetry() throws IOException {
        assertThat(classes().filter(c -> mentions(c, "java/lang/Thread") && mentions(c, "sleep")).toList())
                .as("classes calling Thread.sleep: retries are EventIntake's, configured by tally.intake.*").isEmpty();
    }

    private static Stream<Path> classes() throws IOException {
        assertThat(CLASSES).isDirectory();
        return Files.walk(CLASSES).filter(f -> f.toString().endsWith(".class")).toList().stream();
    }

    /** Whether the class file names {@code name} (class, descriptor and member names are in its constant pool). */
    private static boolean mentions(Path classFile, String name) {
        try {
            return new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1).contains(name);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
