package io.tally.system.docs;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.tally.events.Topics;

/**
 * The Kafka topics a service consumes and produces, derived from its sources, never from its documentation:
 * <ul>
 * <li><b>consumed</b>: the topics of its incoming channels, {@code mp.messaging.incoming.<channel>.topic} in its
 * {@code application.properties} (unprofiled or {@code %prod.}; a channel without {@code .topic} reads the topic of
 * its name, as SmallRye does);</li>
 * <li><b>produced</b>: the topics of its outgoing channels, the same way, plus every topic its main code names, as a
 * {@code Topics} constant or as the topic's literal name. That is where the code decides the topic: the outbox
 * ({@code outbox.append(Topics.CAMPAIGNS, …)} in campaign-service and attribution-service) and channel-connectors'
 * {@code EventPublisher} ({@code OutgoingEvent} picks {@code Topics.TOUCHPOINTS}, …). A service whose code names a
 * topic without writing to it lists that topic in {@link #NAMED_NOT_PRODUCED}, with the reason.</li>
 * </ul>
 * {@link #problems()} keeps the derivation honest: every channel the code declares ({@code @Incoming},
 * {@code @Outgoing}, {@code @Channel}) is configured, every configured topic is a contract topic, and the shared
 * libraries a service runs ({@link #LIBRARIES}) name no topic and configure no channel themselves, so a service's
 * topics are all named in its own module.
 */
record ServiceTopics(String service, Set<String> consumed, Set<String> produced, List<String> problems) {

    /**
     * Topics a service's main code names but does not produce, per service. Empty: today every topic a service's
     * code names is one it writes to. Add an entry (with a comment saying why) if code names a topic to read it.
     */
    static final Map<String, Set<String>> NAMED_NOT_PRODUCED = Map.of();

    /** The libraries the services run that could publish on a service's behalf; they must not pick topics. */
    static final List<String> LIBRARIES = List.of("service-support", "outbox");

    /** Every contract topic, by the name of its constant in {@link Topics}. */
    static final Map<String, String> TOPICS = contractTopics();

    private static final Pattern CONSTANT = Pattern.compile("\\bTopics\\s*\\.\\s*([A-Z][A-Z0-9_]*)\\b");
    private static final Pattern WILDCARD_IMPORT = Pattern
            .compile("import\\s+static\\s+io\\.tally\\.events\\.Topics\\.\\*");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    private static final Pattern CHANNEL_ANNOTATION = Pattern
            .compile("@(Incoming|Outgoing|Channel)\\s*\\(\\s*([^)]*)\\)");
    private static final Pattern CHANNEL_NAME = Pattern.compile("\"([^\"]+)\"");

    /** What {@code service}'s configuration and code say it consumes and produces. */
    static ServiceTopics of(String service) {
        Path file = Repository.ROOT.resolve(service).resolve("src/main/resources/application.properties");
        Map<String, String> config = productionConfig(Repository.read(file));
        List<String> problems = new ArrayList<>();
        Map<String, String> incoming = channelTopics(config, "mp.messaging.incoming.");
        Map<String, String> outgoing = channelTopics(config, "mp.messaging.outgoing.");
        for (Map.Entry<String, String> channel : union(incoming, outgoing).entrySet()) {
            if (!TOPICS.containsValue(channel.getValue())) {
                problems.add(service + ": channel " + channel.getKey() + " names topic " + channel.getValue()
                        + ", which is not in io.tally.events.Topics");
            }
        }
        Set<String> produced = new TreeSet<>(outgoing.values());
        for (Path source : Repository.mainJavaSources(service)) {
            String code = JavaCode.withoutComments(Repository.read(source));
            produced.addAll(topicsNamed(code, Repository.relative(source), problems));
            for (String channel : channelsDeclared(code, Repository.relative(source), problems)) {
                if (!incoming.containsKey(channel) && !outgoing.containsKey(channel)) {
                    problems.add(Repository.relative(source) + ": channel " + channel + " has no mp.messaging."
                            + "incoming/outgoing." + channel + ".topic in " + Repository.relative(file));
                }
            }
        }
        produced.removeAll(NAMED_NOT_PRODUCED.getOrDefault(service, Set.of()));
        return new ServiceTopics(service, new TreeSet<>(incoming.values()), produced, problems);
    }

    /** Where a shared library names a topic or configures a channel itself (none is expected). */
    static List<String> libraryProblems() {
        List<String> problems = new ArrayList<>();
        for (String library : LIBRARIES) {
            for (Path source : Repository.mainJavaSources(library)) {
                String code = JavaCode.withoutComments(Repository.read(source));
                for (String topic : topicsNamed(code, Repository.relative(source), problems)) {
                    problems.add(Repository.relative(source) + " (library " + library + ") names topic " + topic
                            + ": let the service pass it, or derive this library's topics in ServiceTopics");
                }
                if (!channelsDeclared(code, Repository.relative(source), problems).isEmpty()) {
                    problems.add(Repository.relative(source) + " (library " + library + ") declares a channel:"
                            + " derive this library's topics in ServiceTopics");
                }
            }
        }
        return problems;
    }

    /** The topics {@code code} names: {@code Topics.X} (String constants only) or a topic's literal name. */
    private static Set<String> topicsNamed(String code, String where, List<String> problems) {
        Set<String> named = new TreeSet<>();
        if (WILDCARD_IMPORT.matcher(code).find()) {
            problems.add(where + ": import static io.tally.events.Topics.* hides which topics it names; import or"
                    + " qualify each constant");
        }
        Matcher constant = CONSTANT.matcher(code);
        while (constant.find()) {
            String topic = TOPICS.get(constant.group(1));
            if (topic != null) {
                named.add(topic);
            }
        }
        Matcher string = STRING.matcher(code);
        while (string.find()) {
            if (TOPICS.containsValue(string.group(1))) {
                named.add(string.group(1));
            }
        }
        return named;
    }

    /** The channel names of the {@code @Incoming}, {@code @Outgoing} and {@code @Channel} annotations in code. */
    private static Set<String> channelsDeclared(String code, String where, List<String> problems) {
        Set<String> channels = new TreeSet<>();
        Matcher annotation = CHANNEL_ANNOTATION.matcher(code);
        while (annotation.find()) {
            Matcher name = CHANNEL_NAME.matcher(annotation.group(2));
            if (name.lookingAt()) {
                channels.add(name.group(1));
            } else {
                problems.add(where + ": @" + annotation.group(1) + "(" + annotation.group(2) + ") is not a literal"
                        + " channel name; teach ServiceTopics to resolve it");
            }
        }
        return channels;
    }

    /** Channel name to topic, for every channel configured under {@code prefix}. */
    private static Map<String, String> channelTopics(Map<String, String> config, String prefix) {
        Set<String> channels = new TreeSet<>();
        for (String key : config.keySet()) {
            for (String attribute : List.of(".topic", ".connector")) {
                if (key.startsWith(prefix) && key.endsWith(attribute)
                        && key.length() > prefix.length() + attribute.length()) {
                    channels.add(key.substring(prefix.length(), key.length() - attribute.length()));
                }
            }
        }
        Map<String, String> topics = new TreeMap<>();
        for (String channel : channels) {
            topics.put(channel, config.getOrDefault(prefix + channel + ".topic", channel).trim());
        }
        return topics;
    }

    /** The properties in force in production: unprofiled ones, overridden by {@code %prod.} ones. */
    private static Map<String, String> productionConfig(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("%")) {
                config.put(key, properties.getProperty(key));
            }
        }
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("%prod.")) {
                config.put(key.substring("%prod.".length()), properties.getProperty(key));
            }
        }
        return config;
    }

    private static Map<String, String> union(Map<String, String> a, Map<String, String> b) {
        Map<String, String> all = new LinkedHashMap<>();
        a.forEach((channel, topic) -> all.put("incoming " + channel, topic));
        b.forEach((channel, topic) -> all.put("outgoing " + channel, topic));
        return all;
    }

    private static Map<String, String> contractTopics() {
        Map<String, String> topics = new TreeMap<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    topics.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return topics;
    }
}
