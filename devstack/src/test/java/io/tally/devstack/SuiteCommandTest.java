package io.tally.devstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.tally.support.security.Role;

/** {@code ./tally up}'s tokens file: this run's tokens are in place before any service starts. */
class SuiteCommandTest {

    @TempDir
    Path root;

    private record Started(LocalIssuer issuer, Map<String, String> tokensWhenTheServicesStart) {
    }

    @Test
    void simulateNamesAScenarioWithItsSizeAndSeed() {
        SuiteCommand command = SuiteCommand.parse(new String[]{"--root", root.toString(), "--simulate", "synergy",
                "--customers", "500", "--seed", "3"});
        assertThat(command.simulate()).isEqualTo("synergy");
        assertThat(command.customers()).isEqualTo(500);
        assertThat(command.seed()).isEqualTo(3);
        assertThat(command().simulate()).isNull();
        assertThatThrownBy(() -> SuiteCommand.parse(new String[]{"--simulate", "nope"}))
                .hasMessageContaining("unknown scenario nope");
        assertThatThrownBy(() -> SuiteCommand.parse(new String[]{"--simulate"})).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> SuiteCommand.parse(new String[]{"--customers", "0"}))
                .hasMessageContaining("--customers must be at least 1");
    }

    @Test
    void traceTurnsTracingOnInEveryServiceWithSpansWrittenToItsLog() {
        SuiteCommand traced = SuiteCommand.parse(new String[]{"--root", root.toString(), "--trace"});

        assertThat(traced.trace()).isTrue();
        assertThat(traced.tracingEnvironment()).containsEntry("QUARKUS_PROFILE", "prod,tracing")
                .containsEntry("TALLY_TRACING_LOG_SPANS", "true");
        assertThat(command().trace()).isFalse();
        assertThat(command().tracingEnvironment()).as("tracing stays off without --trace").isEmpty();
    }

    @Test
    void theNewRunsTokensAreInTheFileBeforeAnyServiceStarts() {
        SuiteCommand command = command();
        command.writeTokens(Map.of("TALLY_TOKEN_ADMIN", "a-token-of-the-previous-run"));

        // stands in for Suite.start: whatever the services (and a script waiting for the gateway) read is there now
        Started started = command.startWithNewTokens(Duration.ofHours(1),
                issuer -> new Started(issuer, read(command.tokensFile())));

        assertThat(started.tokensWhenTheServicesStart()).containsOnlyKeys(
                Arrays.stream(Role.values()).map(role -> "TALLY_TOKEN_" + role.name()).toArray(String[]::new));
        JwtConsumer verifier = verifierFor(started.issuer());
        assertThat(started.tokensWhenTheServicesStart().values()).allSatisfy(token -> verify(verifier, token));
        assertThat(read(command.tokensFile())).isEqualTo(started.tokensWhenTheServicesStart());
    }

    @Test
    void aStartThatFailsLeavesNoTokens() {
        SuiteCommand command = command();
        command.writeTokens(Map.of("TALLY_TOKEN_ADMIN", "a-token-of-the-previous-run"));

        assertThatThrownBy(() -> command.startWithNewTokens(Duration.ofHours(1), issuer -> {
            throw new IllegalStateException("gateway did not become ready");
        })).hasMessage("gateway did not become ready");

        assertThat(command.tokensFile()).doesNotExist();
    }

    @Test
    void theFileIsReplacedWholeAndReadableByItsOwnerOnly() throws IOException {
        SuiteCommand command = command();
        command.writeTokens(Map.of("TALLY_TOKEN_ADMIN", "first", "TALLY_TOKEN_ANALYST", "first"));
        command.writeTokens(Map.of("TALLY_TOKEN_ADMIN", "second"));

        assertThat(read(command.tokensFile())).containsExactlyEntriesOf(Map.of("TALLY_TOKEN_ADMIN", "second"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(command.tokensFile())))
                .isEqualTo("rw-------");
        try (var files = Files.list(command.tokensFile().getParent())) {
            assertThat(files).containsExactly(command.tokensFile()); // no temporary file left beside it
        }
    }

    private SuiteCommand command() {
        return SuiteCommand.parse(new String[]{"--root", root.toString()});
    }

    private static Map<String, String> read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            Map<String, String> tokens = new LinkedHashMap<>();
            lines.stream().filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
                int equals = line.indexOf('=');
                tokens.put(line.substring(0, equals), line.substring(equals + 1));
            });
            return tokens;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JwtConsumer verifierFor(LocalIssuer issuer) {
        try {
            Key key = new JsonWebKeySet(issuer.signer().jwks()).getJsonWebKeys().get(0).getKey();
            return new JwtConsumerBuilder().setVerificationKey(key).setExpectedIssuer(LocalIssuer.ISSUER)
                    .setExpectedAudience(LocalIssuer.AUDIENCE).setRequireExpirationTime().build();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void verify(JwtConsumer verifier, String token) {
        try {
            verifier.process(token);
        } catch (InvalidJwtException e) {
            throw new AssertionError("not a token of this run's issuer: " + e.getMessage(), e);
        }
    }
}
