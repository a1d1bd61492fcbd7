package io.tally.system.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The commands and paths the Markdown documents show work from any fresh clone: module commands build what the
 * module depends on ({@code -am}), since sibling snapshots are not in an empty {@code ~/.m2}, and no document names a
 * folder of the machine it was written on. Plain JUnit: reads files only.
 */
class ReadmeCommandsTest {

    /** The start of a home or workspace folder of some machine; {@code ../work/} or a URL path does not match. */
    private static final Pattern MACHINE_PATH = Pattern
            .compile("(?<![\\w.~/-])/(?:home|root|Users|work)/|\\b[A-Za-z]:\\\\Users\\\\");

    @Test
    void everyModuleCommandBuildsTheModulesItDependsOn() {
        List<String> problems = new ArrayList<>();
        int commands = 0;
        for (Path file : Repository.markdownFiles()) {
            for (MavenCommands.Command command : MavenCommands.in(Repository.read(file))) {
                commands++;
                for (String problem : MavenCommands.problems(command)) {
                    problems.add(Repository.relative(file) + ":" + command.line() + ": `" + command + "` " + problem);
                }
            }
        }
        assertThat(commands).as("Maven commands found in the Markdown files").isGreaterThan(5);
        assertThat(problems).isEmpty();
    }

    @Test
    void noDocumentNamesAFolderOfABuildMachine() {
        List<String> problems = new ArrayList<>();
        for (Path file : Repository.markdownFiles()) {
            List<String> lines = Repository.read(file).lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (MACHINE_PATH.matcher(lines.get(i)).find()) {
                    problems.add(Repository.relative(file) + ":" + (i + 1) + ": " + lines.get(i).trim()
                            + " (use a path relative to the repository root)");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void commandsAreFoundInCodeBlocksAndInlineCode() {
        String markdown = """
                Run `./mvnw -pl gateway verify` or
                `./mvnw -pl outbox
                -am verify`.

                ```bash
                cd somewhere && ./mvnw -B \\
                  -pl campaign-service verify | tee log
                ./mvnw verify
                ```
                """;
        List<MavenCommands.Command> commands = MavenCommands.in(markdown);

        assertThat(commands).map(MavenCommands.Command::toString).containsExactly(
                "./mvnw -B -pl campaign-service verify", "./mvnw verify", "./mvnw -pl gateway verify",
                "./mvnw -pl outbox -am verify");
        assertThat(commands).map(MavenCommands.Command::line).containsExactly(6, 8, 1, 2);
    }

    @Test
    void moduleCommandsWithoutAlsoMakeAreRefused() {
        assertThat(problems("./mvnw -B -pl gateway verify")).singleElement().asString().contains("add -am");
        assertThat(problems("./mvnw --projects gateway package")).singleElement().asString().contains("add -am");
        assertThat(problems("../mvnw verify")).singleElement().asString().contains("module folder");
        assertThat(problems("./mvnw -f outbox/pom.xml verify")).singleElement().asString().contains("-f");
        assertThat(problems("./mvnw -pl outbox -am verify -Dtest=OutboxTest")).singleElement().asString()
                .contains("-Dsurefire.failIfNoSpecifiedTests=false");
        assertThat(problems("./mvnw -pl outbox -am verify -Dit.test=X")).singleElement().asString()
                .contains("-Dfailsafe.failIfNoSpecifiedTests=false");

        assertThat(problems("./mvnw -pl gateway -am verify")).isEmpty();
        assertThat(problems("./mvnw -pl outbox --also-make verify -Dtest=OutboxTest"
                + " -Dsurefire.failIfNoSpecifiedTests=false")).isEmpty();
        assertThat(problems("./mvnw verify")).isEmpty();
    }

    @Test
    void machineFoldersAreTold() {
        assertThat(MACHINE_PATH.matcher("cd /work/main && ./mvnw verify").find()).isTrue();
        assertThat(MACHINE_PATH.matcher("see `/home/ci/tally/README.md`").find()).isTrue();
        assertThat(MACHINE_PATH.matcher("(/root/.m2/repository)").find()).isTrue();
        assertThat(MACHINE_PATH.matcher("C:\\Users\\me\\tally").find()).isTrue();

        assertThat(MACHINE_PATH.matcher("[shared](../work/ARCHITECTURE.md)").find()).isFalse();
        assertThat(MACHINE_PATH.matcher("https://example.com/home/index.html").find()).isFalse();
        assertThat(MACHINE_PATH.matcher("runs `/deployments/quarkus-run.jar`, a `/tmp` emptyDir").find()).isFalse();
    }

    private static List<String> problems(String command) {
        return MavenCommands.problems(MavenCommands.in("`" + command + "`").get(0));
    }
}
