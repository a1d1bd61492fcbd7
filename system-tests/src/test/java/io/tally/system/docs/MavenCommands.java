package io.tally.system.docs;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Maven commands a Markdown document shows (in fenced code blocks and inline code), and what is wrong with those
 * that would not work from a fresh clone with an empty local repository.
 */
final class MavenCommands {

    /** A Maven command and the line of the document it starts on. */
    record Command(int line, List<String> tokens) {

        @Override
        public String toString() {
            return String.join(" ", tokens);
        }
    }

    private static final Pattern INLINE_CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern SEPARATOR = Pattern.compile("&&|\\|\\||;|\\|");

    private MavenCommands() {
    }

    /** Every {@code mvnw}/{@code mvn} command in {@code markdown}. */
    static List<Command> in(String markdown) {
        List<Command> commands = new ArrayList<>();
        List<String> lines = markdown.lines().toList();
        StringBuilder prose = new StringBuilder();
        boolean fenced = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.trim().startsWith("```") || line.trim().startsWith("~~~")) {
                fenced = !fenced;
                prose.append('\n');
            } else if (fenced) {
                int first = i;
                StringBuilder logical = new StringBuilder(line);
                while (logical.toString().endsWith("\\") && i + 1 < lines.size()) {
                    logical.setLength(logical.length() - 1);
                    logical.append(' ').append(lines.get(++i));
                    prose.append('\n');
                }
                commands.addAll(commandsOf(logical.toString(), first + 1));
                prose.append('\n');
            } else {
                prose.append(line).append('\n');
            }
        }
        Matcher code = INLINE_CODE.matcher(prose);
        int line = 1;
        int counted = 0;
        while (code.find()) {
            for (; counted < code.start(); counted++) {
                line += prose.charAt(counted) == '\n' ? 1 : 0;
            }
            commands.addAll(commandsOf(code.group(1).replace('\n', ' '), line));
        }
        return commands;
    }

    /**
     * Why {@code command} would fail on a fresh clone with an empty {@code ~/.m2}, or empty. A module command must
     * build the modules it depends on in the same reactor ({@code -pl x -am}), since sibling snapshots are nowhere
     * else; with {@code -am}, a single-test selection must not fail the upstream modules that lack that test.
     */
    static List<String> problems(Command command) {
        List<String> tokens = command.tokens();
        List<String> problems = new ArrayList<>();
        String wrapper = tokens.get(0);
        boolean selectsModules = tokens.stream().anyMatch(t -> t.equals("-pl") || t.startsWith("-pl")
                || t.equals("--projects") || t.startsWith("--projects="));
        boolean alsoMakes = tokens.contains("-am") || tokens.contains("--also-make");
        if (wrapper.contains("mvnw") && !List.of("./mvnw", "mvnw", "mvnw.cmd", ".\\mvnw.cmd").contains(wrapper)) {
            problems.add("runs " + wrapper + " from a module folder; run ./mvnw -pl <module> -am from the root");
        }
        if (tokens.contains("-f") || tokens.contains("--file")
                || tokens.stream().anyMatch(t -> t.startsWith("--file="))) {
            problems.add("builds one module's pom alone (-f); use -pl <module> -am");
        }
        if (selectsModules && !alsoMakes) {
            problems.add("selects modules with -pl but does not build what they depend on: add -am");
        }
        if (selectsModules && tokens.stream().anyMatch(t -> t.startsWith("-Dtest="))
                && !tokens.contains("-Dsurefire.failIfNoSpecifiedTests=false")) {
            problems.add("-Dtest with -am fails in the modules without that test: add"
                    + " -Dsurefire.failIfNoSpecifiedTests=false");
        }
        if (selectsModules && tokens.stream().anyMatch(t -> t.startsWith("-Dit.test="))
                && !tokens.contains("-Dfailsafe.failIfNoSpecifiedTests=false")) {
            problems.add("-Dit.test with -am fails in the modules without that test: add"
                    + " -Dfailsafe.failIfNoSpecifiedTests=false");
        }
        return problems;
    }

    private static List<Command> commandsOf(String code, int line) {
        List<Command> commands = new ArrayList<>();
        for (String part : SEPARATOR.split(code)) {
            List<String> tokens = Arrays.stream(part.trim().split("\\s+")).filter(t -> !t.isEmpty()).toList();
            for (int i = 0; i < tokens.size(); i++) {
                String name = tokens.get(i).substring(tokens.get(i).lastIndexOf('/') + 1);
                if (name.equals("mvnw") || name.equals("mvnw.cmd") || name.equals(".\\mvnw.cmd")
                        || name.equals("mvn")) {
                    commands.add(new Command(line, tokens.subList(i, tokens.size())));
                    break;
                }
            }
        }
        return commands;
    }
}
