package io.tally.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service reads in production, from its own {@code application.properties} and service-support's shared
 * defaults: the properties that apply in the {@code prod} profile and the environment variables they refer to.
 */
final class ServiceConfiguration {

    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    /** The properties in force in {@code prod}: unprofiled ones, overridden by {@code %prod.} ones. */
    final Map<String, String> prod;

    private ServiceConfiguration(Map<String, String> prod) {
        this.prod = prod;
    }

    static ServiceConfiguration of(String module) {
        // the service's own file outranks the shared defaults; a %prod. key outranks an unprofiled one anywhere
        List<Properties> files = List.of(
                read(Rendered.ROOT
                        .resolve("service-support/src/main/resources/META-INF/microprofile-config.properties")),
                read(Rendered.ROOT.resolve(module).resolve("src/main/resources/application.properties")));
        Map<String, String> prod = new LinkedHashMap<>();
        for (String profile : List.of("", "%prod.")) {
            for (Properties properties : files) {
                for (String key : new TreeSet<>(properties.stringPropertyNames())) {
                    if (profile.isEmpty() ? !key.startsWith("%") : key.startsWith(profile)) {
                        prod.put(key.substring(profile.length()), properties.getProperty(key));
                    }
                }
            }
        }
        return new ServiceConfiguration(prod);
    }

    /** Every environment variable the prod configuration refers to, with its default if it has one. */
    Map<String, String> environmentVariables() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String value : prod.values()) {
            Matcher reference = ENV_REFERENCE.matcher(value);
            while (reference.find()) {
                variables.put(reference.group(1), reference.group(2) == null ? null : reference.group(2).substring(1));
            }
        }
        return variables;
    }

    /** The topics of its incoming channels. */
    Set<String> incomingTopics() {
        return values("mp.messaging.incoming.", ".topic");
    }

    /** The consumer groups of its incoming channels. */
    Set<String> consumerGroups() {
        return values("mp.messaging.incoming.", ".group.id");
    }

    private Set<String> values(String prefix, String suffix) {
        Set<String> found = new TreeSet<>();
        prod.forEach((key, value) -> {
            if (key.startsWith(prefix) && key.endsWith(suffix)) {
                found.add(value);
            }
        });
        return found;
    }

    private static Properties read(Path file) {
        try {
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(file)));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
