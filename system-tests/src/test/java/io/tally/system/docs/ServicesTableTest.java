package io.tally.system.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The root README's services table, the services' READMEs and the outbox README say which topics each service
 * consumes and produces, as the code and configuration do ({@link ServiceTopics} derives them). Plain JUnit: reads
 * files only.
 */
class ServicesTableTest {

    private static final Pattern OUTBOX_APPEND = Pattern.compile("\\.append\\(\\s*Topics\\.([A-Z][A-Z0-9_]*)\\b");
    private static final Pattern TOPIC_LIKE = Pattern.compile("tally\\.[a-z0-9][a-z0-9.-]*[a-z0-9]");

    @Test
    void servicesTableListsEveryTopicEachServiceConsumesAndProduces() {
        MarkdownTable table = MarkdownTable.after(Repository.read(Repository.ROOT.resolve("README.md")), "## Services");
        int in = table.column("topics in");
        int out = table.column("topics out");
        List<String> problems = new ArrayList<>();
        assertThat(table.rows().keySet())
                .as("README.md '## Services' rows (one per module with an application.properties)")
                .containsExactlyInAnyOrderElementsOf(Repository.services());
        for (String service : Repository.services()) {
            ServiceTopics topics = ServiceTopics.of(service);
            problems.addAll(topics.problems());
            List<String> row = table.rows().get(service);
            compare(service + " 'topics in'", topics.consumed(), topicsIn(row.get(in), problems), problems);
            compare(service + " 'topics out'", topics.produced(), topicsIn(row.get(out), problems), problems);
        }
        problems.addAll(ServiceTopics.libraryProblems());
        assertThat(problems).as("README.md '## Services' against the services' configuration and code").isEmpty();
    }

    @Test
    void everyServiceReadmeNamesTheTopicsItsServiceConsumesAndProduces() {
        List<String> problems = new ArrayList<>();
        for (String service : Repository.services()) {
            ServiceTopics topics = ServiceTopics.of(service);
            Path readme = Repository.ROOT.resolve(service).resolve("README.md");
            Set<String> named = topicsIn(Repository.read(readme), new ArrayList<>());
            Set<String> all = new TreeSet<>(topics.consumed());
            all.addAll(topics.produced());
            for (String topic : all) {
                if (!named.contains(topic)) {
                    problems.add(Repository.relative(readme) + " never names " + topic);
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void outboxReadmeNamesEveryServiceThatUsesTheOutboxAndItsTopics() {
        String readme = Repository.read(Repository.ROOT.resolve("outbox/README.md"));
        String intro = readme.substring(0, readme.indexOf("\n## "));
        List<String> problems = new ArrayList<>();
        for (String service : Repository.services()) {
            Set<String> appended = new TreeSet<>();
            boolean uses = false;
            for (Path source : Repository.mainJavaSources(service)) {
                String code = JavaCode.withoutComments(Repository.read(source));
                if (code.contains("io.tally.outbox.")) {
                    uses = true;
                    Matcher append = OUTBOX_APPEND.matcher(code);
                    while (append.find()) {
                        if (ServiceTopics.TOPICS.containsKey(append.group(1))) {
                            appended.add(ServiceTopics.TOPICS.get(append.group(1)));
                        }
                    }
                }
            }
            if (uses != intro.contains(service)) {
                problems.add(service + (uses ? " uses the outbox, but" : " does not use the outbox, but")
                        + " outbox/README.md's introduction " + (uses ? "does not name it" : "names it"));
            }
            for (String topic : appended) {
                if (!intro.contains(topic)) {
                    problems.add(service + " appends to " + topic + " through the outbox, but outbox/README.md's"
                            + " introduction does not name that topic");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void compare(String what, Set<String> derived, Set<String> listed, List<String> problems) {
        Set<String> missing = new TreeSet<>(derived);
        missing.removeAll(listed);
        Set<String> extra = new TreeSet<>(listed);
        extra.removeAll(derived);
        if (!missing.isEmpty()) {
            problems.add(what + " misses " + missing);
        }
        if (!extra.isEmpty()) {
            problems.add(what + " lists " + extra + ", which the service's configuration and code do not");
        }
    }

    /** The contract topics named in {@code text}; a {@code tally.…} name that is no topic is reported. */
    private static Set<String> topicsIn(String text, List<String> problems) {
        Set<String> topics = new TreeSet<>();
        Matcher name = TOPIC_LIKE.matcher(text);
        while (name.find()) {
            if (ServiceTopics.TOPICS.containsValue(name.group())) {
                topics.add(name.group());
            } else {
                problems.add("'" + name.group() + "' in the table is not a topic of io.tally.events.Topics");
            }
        }
        return topics;
    }
}
