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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.tally.campaign.config.CampaignConfig;

/**
 * The package rules of CONVENTIONS.md, checked on the compiled classes (their constant pools: every type a class
 * names, in code, signatures and annotations) and on the sources (imports, also of inlined constants). The service
 * is packaged by feature, so the rules speak of kinds of class, told apart by what they are, not by folder:
 * resources ({@code @Path}) are named by no other class; they speak DTOs, never entities or repositories; the DTOs of
 * {@code api/} reach only {@code api/} and framework-free rules.
 */
class LayeringTest {

    private static final String ROOT = "io/tally/campaign/";
    private static final Pattern REFERENCE = Pattern.compile(Pattern.quote(ROOT) + "[A-Za-z0-9_$/]+");
    /** Type-name prefixes of frameworks; a class whose constant pool names none of them is framework-free. */
    private static final List<String> FRAMEWORKS = List.of("jakarta/", "io/quarkus/", "org/eclipse/microprofile/",
            "io/smallrye/", "org/hibernate/", "io/vertx/", "io/tally/outbox/");

    /** What a compiled class of this service is. */
    enum Kind {
        RESOURCE, ENTITY, REPOSITORY, API, RULE, OTHER
    }

    /** A class (internal name) and a type of this service it refers to. */
    record Dependency(String from, String to) {

        @Override
        public String toString() {
            return from.substring(ROOT.length()) + " -> " + to.substring(ROOT.length());
        }
    }

    /** The compiled classes of this service (top-level types; nested ones count as their outer class). */
    record Classes(Map<String, Kind> kinds, List<Dependency> dependencies) {

        Kind kindOf(String type) {
            return kinds.getOrDefault(type, Kind.OTHER);
        }

        List<Dependency> from(Kind kind) {
            return dependencies.stream().filter(d -> kindOf(d.from()) == kind).toList();
        }
    }

    private static Classes classes;

    @BeforeAll
    static void scan() throws IOException {
        classes = scanClasses();
        // the scan must see the kinds it judges, or every rule below would pass on nothing
        assertThat(classes.kinds().values()).contains(Kind.RESOURCE, Kind.ENTITY, Kind.REPOSITORY, Kind.API,
                Kind.RULE, Kind.OTHER);
        assertThat(classes.kindOf(ROOT + "programmes/ProgrammeRules")).isEqualTo(Kind.RULE);
        assertThat(classes.kindOf(ROOT + "programmes/ProgrammeResource")).isEqualTo(Kind.RESOURCE);
        assertThat(classes.kindOf(ROOT + "campaigns/Campaign")).isEqualTo(Kind.ENTITY);
    }

    @Test
    void packagedByFeature() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("src/main/java", ROOT))) {
            assertThat(dirs.map(d -> d.getFileName().toString()))
                    .as("top-level packages are features (CONVENTIONS.md), not layers")
                    .contains("programmes", "campaigns", "goals").doesNotContain("rest", "service", "repository",
                            "domain");
        }
    }

    @Test
    void noClassButAResourceNamesAResource() {
        assertThat(classes.dependencies())
                .filteredOn(d -> classes.kindOf(d.to()) == Kind.RESOURCE && classes.kindOf(d.from()) != Kind.RESOURCE)
                .as("resources are the top: nothing else depends on one; move what others need to api/").isEmpty();
    }

    @Test
    void noSourceButAResourceImportsAResource() throws IOException {
        Set<String> resources = new TreeSet<>();
        classes.kinds().forEach((type, kind) -> {
            if (kind == Kind.RESOURCE) {
                resources.add("import " + type.replace('/', '.') + ";");
            }
        });
        Path sources = Path.of("src/main/java", ROOT);
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String type = ROOT + sources.relativize(file).toString().replace('\\', '/').replace(".java", "");
                String text = Files.readString(file);
                if (classes.kindOf(type) != Kind.RESOURCE && resources.stream().anyMatch(text::contains)) {
                    offenders.add(sources.relativize(file).toString());
                }
            }
        }
        assertThat(offenders).as("sources other than resources that import a resource (inlined constants)")
                .isEmpty();
    }

    @Test
    void resourcesSpeakDtosNeverEntities() {
        assertThat(classes.from(Kind.RESOURCE))
                .filteredOn(d -> Set.of(Kind.ENTITY, Kind.REPOSITORY).contains(classes.kindOf(d.to())))
                .as("resources speak DTOs; entities and repositories stay behind the services").isEmpty();
    }

    @Test
    void apiReachesOnlyApiAndFrameworkFreeRules() {
        assertThat(classes.from(Kind.API)).as("the DTOs services share with resources live in api/").isNotEmpty();
        Set<String> reached = new TreeSet<>();
        List<String> todo = new ArrayList<>(classes.kinds().keySet().stream()
                .filter(type -> classes.kindOf(type) == Kind.API).toList());
        List<Dependency> offending = new ArrayList<>();
        while (!todo.isEmpty()) {
            String type = todo.remove(todo.size() - 1);
            if (reached.add(type)) {
                for (Dependency d : classes.dependencies()) {
                    if (d.from().equals(type)) {
                        if (Set.of(Kind.API, Kind.RULE).contains(classes.kindOf(d.to()))) {
                            todo.add(d.to());
                        } else {
                            offending.add(d);
                        }
                    }
                }
            }
        }
        assertThat(offending).as("api/ holds DTOs and their constraints; they and the rules they use know no "
                + "service, entity, repository or resource; the rules are framework-free").isEmpty();
    }

    /** Every class of this service, its kind, and every reference from it to another type of this service. */
    private static Classes scanClasses() throws IOException {
        Path classes = classesDirectory();
        Map<String, Kind> kinds = new TreeMap<>();
        Map<String, Set<String>> names = new TreeMap<>();
        Map<String, Set<String>> interfaces = new TreeMap<>();
        try (Stream<Path> files = Files.walk(classes.resolve(ROOT))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class"))
                    .filter(f -> !f.getFileName().toString().equals("package-info.class")).toList()) {
                String name = classes.relativize(file).toString().replace('\\', '/').replaceFirst("\\.class$", "")
                        .replaceFirst("\\$.*", "");
                ClassFile read = read(file);
                names.computeIfAbsent(name, n -> new TreeSet<>()).addAll(read.strings());
                interfaces.computeIfAbsent(name, n -> new TreeSet<>()).addAll(read.interfaces());
            }
        }
        names.forEach((name, strings) -> kinds.put(name, kindOf(name, strings, interfaces.get(name))));
        List<Dependency> found = new ArrayList<>();
        names.forEach((name, strings) -> {
            Set<String> types = new TreeSet<>();
            for (String s : strings) {
                Matcher m = REFERENCE.matcher(s);
                while (m.find()) {
                    types.add(m.group().replaceFirst("\\$.*", ""));
                }
            }
            types.remove(name);
            types.forEach(type -> found.add(new Dependency(name, type)));
        });
        return new Classes(kinds, found);
    }

    private static Kind kindOf(String name, Set<String> strings, Set<String> interfaces) {
        if (strings.contains("Ljakarta/ws/rs/Path;")) {
            return Kind.RESOURCE;
        }
        if (strings.contains("Ljakarta/persistence/Entity;") || strings.contains("Ljakarta/persistence/Embeddable;")) {
            return Kind.ENTITY;
        }
        if (interfaces.stream().anyMatch(i -> i.startsWith("io/quarkus/hibernate/orm/panache/PanacheRepository"))) {
            return Kind.REPOSITORY;
        }
        if (name.startsWith(ROOT + "api/")) {
            return Kind.API;
        }
        boolean frameworkFree = strings.stream().noneMatch(s -> FRAMEWORKS.stream().anyMatch(s::contains));
        return frameworkFree ? Kind.RULE : Kind.OTHER;
    }

    private static Path classesDirectory() {
        try {
            return Path.of(CampaignConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A class file as these rules read it: the text entries of its constant pool and the interfaces it declares. */
    record ClassFile(Set<String> strings, Set<String> interfaces) {
    }

    /** Reads the constant pool (class names, descriptors, signatures, annotation types) and the interfaces. */
    private static ClassFile read(Path classFile) throws IOException {
        try (InputStream in = Files.newInputStream(classFile); DataInputStream data = new DataInputStream(in)) {
            if (data.readInt() != 0xCAFEBABE) {
                throw new IOException("not a class file: " + classFile);
            }
            data.readUnsignedShort(); // minor version
            data.readUnsignedShort(); // major version
            int count = data.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classNames = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = data.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = data.readUTF();
                    case 7 -> classNames[i] = data.readUnsignedShort();
                    case 8, 16, 19, 20 -> data.skipBytes(2);
                    case 15 -> data.skipBytes(3);
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> data.skipBytes(4);
                    case 5, 6 -> {
                        data.skipBytes(8);
                        i++; // takes two entries
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag + " in " + classFile);
                }
            }
            data.skipBytes(6); // access flags, this class, super class
            Set<String> interfaces = new TreeSet<>();
            for (int n = data.readUnsignedShort(); n > 0; n--) {
                interfaces.add(utf8[classNames[data.readUnsignedShort()]]);
            }
            Set<String> strings = new TreeSet<>();
            for (String s : utf8) {
                if (s != null) {
                    strings.add(s);
                }
            }
            return new ClassFile(strings, interfaces);
        }
    }
}
