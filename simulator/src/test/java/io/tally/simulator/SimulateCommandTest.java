package io.tally.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @TempDir
    Path dir;

    @Test
    void writesThePathFileAndPrintsTheTrueSharesWithZeroForZeroLiftChannels() throws IOException {
        Path out = dir.resolve("paths.csv");
        SimulateCommand.Settings settings = SimulateCommand.parse(new String[]{"--root", "/somewhere", "--scenario",
                "no-confounding", "--customers", "300", "--seed", "7", "--out", out.toString(), "--states"});
        assertThat(settings).isEqualTo(new SimulateCommand.Settings("no-confounding", 300, 7, out, true, null));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SimulateCommand.run(settings, new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(Files.readAllLines(out).get(0)).isEqualTo(PathFiles.HEADER);
        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("scenario no-confounding, 300 customers, seed 7")
                .containsPattern("(?m)^direct +0\\.00 +0\\.0000 +0\\.00 +0\\.0000 +0\\.00 +-$");
    }

    @Test
    void printsAHoldoutTestOfTheNamedChannel() throws IOException {
        Path out = dir.resolve("paths.csv");
        SimulateCommand.Settings settings = SimulateCommand.parse(new String[]{"--scenario", "confounded",
                "--customers", "2000", "--out", out.toString(), "--experiment", "paid_search"});
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        SimulateCommand.run(settings, new PrintStream(console, true, StandardCharsets.UTF_8));

        assertThat(console.toString(StandardCharsets.UTF_8)).containsPattern(
                "holdout test of paid_search: \\d+ treated, \\d+ held out; relative lift -?\\d+\\.\\d{4}");
        assertThatThrownBy(() -> SimulateCommand.parse(new String[]{"--experiment", "tv"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no channel tv");
    }

    @Test
    void refusesAnUnknownOptionOrScenario() {
        assertThatThrownBy(() -> SimulateCommand.parse(new String[]{"--bogus", "1"}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SimulateCommand.parse(new String[]{"--scenario", "nope"}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
