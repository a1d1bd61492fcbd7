package io.tally.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * {@code ./tally --help} and the root README name every command the {@code tally} script's {@code case} accepts and no
 * other, and the help lists exactly the options each command's program reads: a new command, subcommand or option
 * fails here until it is documented.
 */
class TallyScriptTest {

    private static final Path ROOT = repositoryRoot();

    /** A {@code case} label line: its indentation, the alternatives ({@code fuzz}, {@code -h | --help}), the rest. */
    private static final Pattern LABEL = Pattern.compile("^( +)([\\w\"| -]+)\\)(.*)$");

    /** How the script runs a command's program: {@code run <module> <main class> ...}. */
    private static final Pattern PROGRAM = Pattern.compile("\\brun \\S+ ([\\w.]+)");

    /** Options a program reads: {@code options.getOrDefault("seconds", ...)}, {@code case "--demo" ->}. */
    private static final Pattern OPTION_READ = Pattern
            .compile("options\\.(?:getOrDefault|get|containsKey)\\(\"([\\w-]+)\"|case .*?\"--([\\w-]+)\"");

    /** A class a program hands its arguments to: {@code Options.parse(args)}, {@code ChaosConfig.fromOptions(options)}. */
    private static final Pattern HANDS_ARGUMENTS_TO = Pattern.compile("\\b([A-Z]\\w*)\\.\\w+\\((?:args|options)\\)");

    /** Options every program gets or that only print help, so no help line lists them. */
    private static final Set<String> IMPLICIT_OPTIONS = Set.of("root", "help");

    /**
     * A command the script accepts.
     *
     * @param name its words, {@code up} or {@code bench collect}
     * @param spellings every way to write it ({@code help}, {@code -h}, {@code --help})
     * @param program the main class it runs, if it runs one
     */
    record Command(String name, List<String> spellings, Optional<String> program) {
    }

    @Test
    void helpNamesEveryCommandTheScriptAccepts() {
        Map<String, String> help = helpEntries();
        String helpText = String.join("\n", help.values());
        for (Command command : commands()) {
            assertThat(help).as("./tally --help").containsKey(command.name());
            for (String spelling : command.spellings()) {
                assertThat(helpText).as("./tally --help mentions %s", spelling)
                        .containsPattern("(^|[\\s(,])" + Pattern.quote(spelling) + "([\\s),]|$)");
            }
        }
    }

    @Test
    void helpNamesNoCommandTheScriptRefuses() {
        List<String> accepted = commands().stream().map(Command::name).toList();
        assertThat(helpEntries().keySet()).isSubsetOf(accepted);
    }

    @Test
    void helpListsTheOptionsEachProgramReads() {
        Map<String, String> help = helpEntries();
        for (Command command : commands()) {
            if (command.program().isEmpty()) {
                continue;
            }
            Set<String> listed = new TreeSet<>(matches(Pattern.compile("--([a-z][\\w-]*)"), help.get(command.name())));
            listed.removeAll(IMPLICIT_OPTIONS);
            assertThat(listed).as("options of ./tally %s in --help, read by %s", command.name(),
                    command.program().get()).isEqualTo(optionsRead(command.program().get()));
        }
    }

    @Test
    void readmeNamesEveryCommandAndNoOther() {
        String readme = read(ROOT.resolve("README.md"));
        for (Command command : commands()) {
            assertThat(command.spellings().stream().map(spelling -> "`./tally " + spelling)
                    .filter(readme::contains)).as("README names ./tally %s", command.name()).isNotEmpty();
        }
        List<String> accepted = commands().stream().map(Command::name).toList();
        for (String named : matches(Pattern.compile("\\./tally ([a-z][\\w-]*(?: [a-z][\\w-]*)?)"), readme)) {
            // a command, a command followed by prose ("./tally up starts"), or a group ("./tally bench")
            assertThat(accepted).as("./tally %s in the README", named).anyMatch(name -> named.equals(name)
                    || named.startsWith(name + " ") || name.startsWith(named + " "));
        }
    }

    /** The commands of the script's {@code case "${1:-}"}, a subcommand ({@code bench collect}) as its own. */
    static List<Command> commands() {
        List<String> lines = read(ROOT.resolve("tally")).lines().toList();
        int start = lines.indexOf("case \"${1:-}\" in");
        assertThat(start).as("the script's top-level case").isNotNegative();
        List<Command> commands = new ArrayList<>();
        Integer topIndent = null;
        Command top = null;
        List<String> topBody = new ArrayList<>();
        boolean topHasSubcommands = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            Matcher label = LABEL.matcher(line);
            if (!label.matches()) {
                topBody.add(line);
                continue;
            }
            List<String> spellings = Arrays.stream(label.group(2).split("\\|")).map(String::strip)
                    .filter(spelling -> !spelling.equals("\"\"")).toList();
            int indent = label.group(1).length();
            if (topIndent == null || indent <= topIndent) {
                addTopLevel(commands, top, topBody, topHasSubcommands);
                topIndent = indent;
                top = new Command(nameOf(spellings), spellings, Optional.empty());
                topBody = new ArrayList<>(List.of(label.group(3)));
                topHasSubcommands = false;
            } else {
                topHasSubcommands = true;
                String group = top.name();
                commands.add(new Command(group + " " + nameOf(spellings),
                        spellings.stream().map(spelling -> group + " " + spelling).toList(),
                        firstMatch(PROGRAM, label.group(3))));
            }
        }
        addTopLevel(commands, top, topBody, topHasSubcommands);
        assertThat(commands).as("commands parsed from the script").extracting(Command::name).contains("up", "build");
        return commands;
    }

    private static void addTopLevel(List<Command> commands, Command top, List<String> body, boolean hasSubcommands) {
        if (top != null && !hasSubcommands) {
            commands.add(new Command(top.name(), top.spellings(), firstMatch(PROGRAM, String.join("\n", body))));
        }
    }

    private static String nameOf(List<String> spellings) {
        return spellings.stream().filter(spelling -> !spelling.startsWith("-")).findFirst().orElse(spellings.get(0));
    }

    /** {@code ./tally --help}, by command: the command's words, then its whole entry (options and description). */
    static Map<String, String> helpEntries() {
        String output = run("bash", ROOT.resolve("tally").toString(), "--help");
        Map<String, String> entries = new LinkedHashMap<>();
        String current = null;
        for (String line : output.lines().toList()) {
            String entry = line.strip();
            if (entry.startsWith("./tally ")) {
                String head = entry.split(" {2,}")[0];
                current = Arrays.stream(head.split(" ")).skip(1).takeWhile(word -> word.matches("[a-z][\\w-]*"))
                        .reduce((a, b) -> a + " " + b).orElse("");
                entries.merge(current, entry, (a, b) -> a + "\n" + b);
            } else if (current != null) {
                entries.merge(current, entry, (a, b) -> a + "\n" + b);
            }
        }
        return entries;
    }

    /** The options {@code mainClass} reads, in its own source or in the classes it hands its arguments to. */
    static Set<String> optionsRead(String mainClass) {
        Set<String> options = new TreeSet<>();
        Path source = sourceOf(mainClass);
        String text = read(source);
        List<Path> sources = new ArrayList<>(List.of(source));
        for (String helper : matches(HANDS_ARGUMENTS_TO, text)) {
            Optional<String> imported = firstMatch(Pattern.compile("import ([\\w.]+\\." + helper + ");"), text);
            Path candidate = imported.map(TallyScriptTest::sourceOf)
                    .orElse(source.resolveSibling(helper + ".java"));
            if (Files.exists(candidate)) {
                sources.add(candidate);
            }
        }
        for (Path file : sources) {
            Matcher option = OPTION_READ.matcher(read(file));
            while (option.find()) {
                options.add(option.group(1) != null ? option.group(1) : option.group(2));
            }
        }
        options.removeAll(IMPLICIT_OPTIONS);
        return options;
    }

    private static Path sourceOf(String className) {
        String relative = "src/main/java/" + className.replace('.', '/') + ".java";
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.map(module -> module.resolve(relative)).filter(Files::exists).findFirst()
                    .orElseThrow(() -> new AssertionError("no module holds " + relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("%s finished", List.of(command)).isTrue();
            assertThat(process.exitValue()).as("exit status of %s: %s", List.of(command), output).isZero();
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<String> matches(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    private static Optional<String> firstMatch(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository root: the nearest directory up from here holding the {@code tally} script and {@code mvnw}. */
    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("tally")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No tally script above " + Path.of("").toAbsolutePath());
    }
}
