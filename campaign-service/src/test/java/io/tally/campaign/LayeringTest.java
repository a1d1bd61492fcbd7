package io.tally.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.tally.campaign.config.CampaignConfig;

/**
 * The package rules of CONVENTIONS.md, checked on the compiled classes (their constant pools: every type a class
 * names, in code, signatures and annotations) and on the sources (imports, also of inlined constants): only
 * {@code rest/} depends on {@code rest/}, so {@code service/} never imports a resource's DTO; the DTOs of
 * {@code api/} depend on no layer but the domain rules; entities never reach {@code rest/} or {@code api/}.
 */
class LayeringTest {

    private static final String ROOT = "io/tally/campaign/";
    private static final Pattern REFERENCE = Pattern.compile(Pattern.quote(ROOT) + "[A-Za-z0-9_$/]+");

    /** A class (internal name) and a type of this service it refers to. */
    record Dependency(String from, String to) {

        String fromLayer() {
            return layerOf(from);
        }

        String toLayer() {
            return layerOf(to);
        }

        @Override
        public String toString() {
            return from.substring(ROOT.length()) + " -> " + to.substring(ROOT.length());
        }
    }

    @Test
    void noClassOutsideRestDependsOnRest() throws IOException {
        assertThat(dependencies()).filteredOn(d -> !d.fromLayer().equals("rest") && d.toLayer().equals("rest"))
                .as("only rest/ may depend on rest/; move a DTO a service needs to api/").isEmpty();
    }

    @Test
    void noSourceOutsideRestImportsRest() throws IOException {
        Path sources = Path.of("src/main/java", ROOT);
        assertThat(sources).isDirectory();
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String layer = layerOf(ROOT + sources.relativize(file).toString().replace('\\', '/'));
                if (!layer.equals("rest") && Files.readString(file).contains("io.tally.campaign.rest")) {
                    offenders.add(sources.relativize(file).toString());
                }
            }
        }
        assertThat(offenders).as("sources outside rest/ that name io.tally.campaign.rest").isEmpty();
    }

    @Test
    void apiDependsOnlyOnDomainRules() throws IOException {
        List<Dependency> fromApi = dependencies().stream().filter(d -> d.fromLayer().equals("api")).toList();
        assertThat(fromApi).as("the DTOs services share with resources live in api/").isNotEmpty();
        assertThat(fromApi)
                .filteredOn(d -> !Set.of("api", "domain").contains(d.toLayer()))
                .as("api/ holds DTOs and their constraints; they know no service, entity or resource").isEmpty();
    }

    @Test
    void entitiesNeverReachRest() throws IOException {
        assertThat(dependencies()).filteredOn(d -> d.fromLayer().equals("rest") && d.toLayer().equals("repository"))
                .as("resources speak DTOs; entities never leave service/").isEmpty();
    }

    /** Every reference from a compiled class of this service to another type of this service. */
    private static List<Dependency> dependencies() throws IOException {
        Path classes = classesDirectory();
        List<Dependency> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve(ROOT))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/').replaceFirst("\\.class$", "");
                for (String type : referencedTypes(file)) {
                    if (!type.equals(name)) {
                        found.add(new Dependency(name, type));
                    }
                }
            }
        }
        // the scan must see the layers it judges, or every rule above would pass on nothing
        assertThat(found).extracting(Dependency::fromLayer).contains("rest", "service", "repository");
        return found;
    }

    private static Path classesDirectory() {
        try {
            return Path.of(CampaignConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The types of this service named in the class file's constant pool (class entries and descriptors alike). */
    private static Set<String> referencedTypes(Path classFile) throws IOException {
        Set<String> types = new TreeSet<>();
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            if (data.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file: " + classFile);
            }
            data.readUnsignedShort(); // minor version
            data.readUnsignedShort(); // major version
            int count = data.readUnsignedShort();
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> { // Utf8: class names, descriptors, signatures, annotation types
                        Matcher m = REFERENCE.matcher(data.readUTF());
                        while (m.find()) {
                            types.add(m.group().replaceFirst("\\$.*", ""));
                        }
                    }
                    case 7, 8, 16, 19, 20 -> data.skipBytes(2);
                    case 15 -> data.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
                    case 5, 6 -> {
                        data.skipBytes(8);
                        i++; // takes two entries
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + classFile);
                }
            }
        }
        return types;
    }

    /** The layer (first package below io.tally.campaign, empty for the root package) of an internal class name. */
    private static String layerOf(String internalName) {
        Path relative = Path.of(internalName.substring(ROOT.length()));
        return relative.getNameCount() < 2 ? "" : relative.getName(0).toString();
    }
}
